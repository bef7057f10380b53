package io.runflow.model;

import java.util.Objects;

/**
 * The body of {@code POST /v1/asset-uploads}: what is about to be uploaded.
 *
 * @param filename the file name, 1 to 500 characters
 * @param mimeType the MIME type the {@code PUT} will declare, 1 to 255 characters
 * @param sizeBytes the exact size, 1 byte to 50 MiB
 */
public record AssetUploadRequest(String filename, String mimeType, long sizeBytes) {

    /** The largest upload the API accepts: 50 MiB. */
    public static final long MAX_SIZE_BYTES = 50L * 1024 * 1024;

    /** Checks the bounds the API documents. */
    public AssetUploadRequest {
        Objects.requireNonNull(filename, "filename");
        Objects.requireNonNull(mimeType, "mimeType");
        if (filename.isBlank() || filename.length() > 500) {
            throw new IllegalArgumentException("filename must be 1 to 500 characters, got " + filename.length());
        }
        if (mimeType.isBlank() || mimeType.length() > 255) {
            throw new IllegalArgumentException("mimeType must be 1 to 255 characters, got " + mimeType.length());
        }
        if (sizeBytes < 1) {
            throw new IllegalArgumentException("an upload must have at least 1 byte, got " + sizeBytes);
        }
        if (sizeBytes > MAX_SIZE_BYTES) {
            throw new IllegalArgumentException("an upload may have at most 50 MiB (" + MAX_SIZE_BYTES + " bytes), got "
                    + sizeBytes + "; host larger files yourself and pass their URL");
        }
    }
}
