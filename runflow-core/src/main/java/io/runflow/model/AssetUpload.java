package io.runflow.model;

import java.util.Objects;

/**
 * A presigned upload session ({@code POST /v1/asset-uploads}): where to {@code PUT} the bytes, and
 * the id to confirm afterwards. The URL carries its own credentials and expires; send no
 * {@code Authorization} header to it.
 *
 * @param assetUploadId the session id ({@code asset_id}), confirmed with {@code POST
 *     /v1/asset-uploads/{id}/confirmations}
 * @param uploadUrl the presigned URL to {@code PUT} the bytes to
 */
public record AssetUpload(String assetUploadId, String uploadUrl) {

    /** Checks both values. */
    public AssetUpload {
        Objects.requireNonNull(assetUploadId, "assetUploadId");
        Objects.requireNonNull(uploadUrl, "uploadUrl");
    }

    /** Leaves out the URL: its query is a credential. */
    @Override
    public String toString() {
        return "AssetUpload[assetUploadId=" + assetUploadId + "]";
    }
}
