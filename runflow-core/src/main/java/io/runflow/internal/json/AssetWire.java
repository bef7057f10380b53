package io.runflow.internal.json;

import static io.runflow.internal.json.JsonFields.firstArray;
import static io.runflow.internal.json.JsonFields.firstText;
import static io.runflow.internal.json.JsonFields.longValue;
import static io.runflow.internal.json.JsonFields.requestId;
import static io.runflow.internal.json.JsonFields.requireObject;
import static io.runflow.internal.json.JsonFields.requireText;
import static io.runflow.internal.json.JsonFields.text;
import static io.runflow.internal.json.JsonFields.timestamp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.runflow.model.Asset;
import io.runflow.model.AssetType;
import io.runflow.model.AssetUpload;
import io.runflow.model.AssetUploadRequest;
import io.runflow.model.JsonValue;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes assets: upload sessions, assets, supported types, the upload and confirmation
 * bodies. Not public API.
 */
public final class AssetWire {

    private AssetWire() {}

    /**
     * Reads the answer of {@code POST /v1/asset-uploads}.
     *
     * @param node {@code {asset_id, upload_url}}
     * @return the upload session
     */
    public static AssetUpload assetUpload(JsonNode node) {
        requireObject(node, "asset upload");
        return new AssetUpload(
                requireText(node, "asset_id", "asset upload"), requireText(node, "upload_url", "asset upload"));
    }

    /**
     * Reads an asset.
     *
     * @param node a JSON object with at least {@code id}
     * @param headerRequestId the answer's {@code Runflow-Request-Id}, or {@code null}
     * @return the asset
     */
    public static Asset asset(JsonNode node, String headerRequestId) {
        requireObject(node, "asset");
        JsonValue json = JsonValues.of(node);
        return Asset.builder()
                .id(requireText(node, "id", "asset"))
                .orgId(text(node, "org_id"))
                .folderId(text(node, "folder_id"))
                .name(firstText(node, "name", "filename"))
                .url(text(node, "url"))
                .thumbnailUrl(text(node, "thumbnail_url"))
                .mimeType(firstText(node, "mime_type", "content_type"))
                .sizeBytes(longValue(node, "size_bytes"))
                .assetType(text(node, "asset_type"))
                .requestId(requestId(node, headerRequestId))
                .createdAt(timestamp(node, "created_at"))
                .raw(json)
                .build();
    }

    /**
     * Reads the supported upload types: an array, or an {@code items} envelope, of MIME strings or
     * objects with {@code mime_type}.
     *
     * @param node the body
     * @return the types, in the order sent
     */
    public static List<AssetType> assetTypes(JsonNode node) {
        JsonNode list = node != null && node.isObject() ? firstArray(node, "items", "types", "mime_types") : node;
        if (list == null || !list.isArray()) {
            throw new IllegalArgumentException("asset types must be a JSON array or an object with \"items\"");
        }
        List<AssetType> types = new ArrayList<>();
        for (JsonNode entry : list) {
            if (entry.isTextual() && !entry.asText().isBlank()) {
                types.add(new AssetType(entry.asText(), null, JsonValues.of(entry)));
            } else if (entry.isObject()) {
                String mime = firstText(entry, "mime_type", "mime", "content_type", "code");
                if (mime != null) {
                    types.add(new AssetType(mime, firstText(entry, "asset_type", "type"), JsonValues.of(entry)));
                }
            }
        }
        return types;
    }

    /**
     * Writes the body of {@code POST /v1/asset-uploads}.
     *
     * @param request what is about to be uploaded
     * @return {@code {filename, mime_type, size_bytes}}
     */
    public static ObjectNode assetUploadBody(AssetUploadRequest request) {
        return RunflowJson.mapper()
                .createObjectNode()
                .put("filename", request.filename())
                .put("mime_type", request.mimeType())
                .put("size_bytes", request.sizeBytes());
    }

    /**
     * Writes the body of {@code POST /v1/asset-uploads/{id}/confirmations}.
     *
     * @param folderId the folder to file the asset in, or {@code null} for none
     * @return {@code {}} or {@code {folder_id}}
     */
    public static ObjectNode assetConfirmationBody(String folderId) {
        ObjectNode body = RunflowJson.mapper().createObjectNode();
        if (folderId != null) {
            body.put("folder_id", folderId);
        }
        return body;
    }
}
