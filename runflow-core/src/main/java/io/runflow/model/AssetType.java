package io.runflow.model;

import java.util.Objects;

/**
 * A MIME type the asset upload accepts ({@code GET /v1/assets/types}). The contract documents the
 * list but not its shape: a plain string reads as a type without an asset type.
 *
 * @param mimeType for example {@code image/jpeg}
 * @param assetType the asset kind it makes, for example {@code image}; {@code null} if not given
 * @param raw the entry as received
 */
public record AssetType(String mimeType, String assetType, JsonValue raw) {

    /** Checks the MIME type and normalises an absent raw node. */
    public AssetType {
        Objects.requireNonNull(mimeType, "mimeType");
        raw = raw == null ? JsonValue.JsonNull.INSTANCE : raw;
    }
}
