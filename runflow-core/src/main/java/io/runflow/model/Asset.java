package io.runflow.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * A stored file of the organization ({@code POST /v1/asset-uploads/{id}/confirmations}, {@code GET
 * /v1/assets/{id}}). Pass it to a model input with {@link #ref()}; its {@link #url()} is signed and
 * short-lived, so read the asset again for a fresh one.
 *
 * @param id the asset id
 * @param orgId the organization it belongs to
 * @param folderId the folder it is filed in, {@code null} for none
 * @param name the file name
 * @param url a signed download URL with a short TTL
 * @param thumbnailUrl a signed thumbnail URL, {@code null} if none
 * @param mimeType the MIME type the server read from the stored object
 * @param sizeBytes the size the server read from the stored object, {@code null} if not given
 * @param assetType for example {@code image}
 * @param requestId the body's {@code request_id}, else the {@code Runflow-Request-Id} header of the
 *     answer, else {@code null}
 * @param createdAt when it was created
 * @param raw the asset as received
 */
public record Asset(
        String id,
        String orgId,
        String folderId,
        String name,
        String url,
        String thumbnailUrl,
        String mimeType,
        Long sizeBytes,
        String assetType,
        String requestId,
        OffsetDateTime createdAt,
        JsonNode raw) {

    /** The scheme of asset references in model inputs. */
    public static final String REF_PREFIX = "runflow://assets/";

    /** Checks the id and normalises an absent raw node. */
    public Asset {
        Objects.requireNonNull(id, "id");
        raw = raw == null ? MissingNode.getInstance() : raw;
    }

    /** Returns {@code raw} as a copy. */
    @Override
    public JsonNode raw() {
        return raw.deepCopy();
    }

    /**
     * Returns the stable reference to pass in model inputs; the server resolves it to a fresh signed
     * URL when it reads the run.
     *
     * @return {@code runflow://assets/{id}}
     */
    public String ref() {
        return REF_PREFIX + id;
    }

    @Override
    public String toString() {
        return "Asset[id=" + id + ", name=" + name + ", mimeType=" + mimeType + ", sizeBytes=" + sizeBytes + "]";
    }
}
