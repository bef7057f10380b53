package io.runflow.testkit.internal.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.runflow.testkit.internal.http.ErrorResponseException;
import io.runflow.testkit.internal.http.ErrorResponseException.FieldError;
import io.runflow.testkit.internal.http.Json;
import io.runflow.testkit.internal.http.Request;
import io.runflow.testkit.internal.http.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Asset uploads (contract section 3.12) on the fake's own host: a presigned session whose URL
 * ({@code /uploads/{id}?expires=..&token=..}) expires on server time, the {@code PUT} of the bytes
 * without credentials (a request carrying {@code Authorization} is refused, as a presigned store
 * does), the confirmation that reads the stored object's real size and type against the declared
 * ones, and the asset served back through a signed, short-lived URL.
 */
final class AssetsApi {

    /** The largest upload: 50 MiB. */
    static final int MAX_BYTES = 52_428_800;

    static final Duration UPLOAD_URL_TTL = Duration.ofMinutes(15);
    static final Duration FILE_URL_TTL = Duration.ofHours(1);

    /** The types {@code GET /v1/assets/types} lists, and the presign accepts. */
    static final Map<String, String> TYPES = types();

    private static Map<String, String> types() {
        Map<String, String> t = new LinkedHashMap<>();
        t.put("image/jpeg", "image");
        t.put("image/png", "image");
        t.put("image/webp", "image");
        t.put("image/gif", "image");
        t.put("image/avif", "image");
        t.put("image/heic", "image");
        t.put("video/mp4", "video");
        t.put("video/quicktime", "video");
        t.put("video/webm", "video");
        t.put("audio/mpeg", "audio");
        t.put("audio/wav", "audio");
        t.put("audio/mp4", "audio");
        return t;
    }

    /** One upload session, and the asset it became once confirmed. */
    private static final class Upload {
        final String id;
        final String filename;
        final String mimeType;
        final long size;
        final String token;
        final Instant expiresAt;
        final Instant createdAt;
        byte[] bytes;
        String storedType;
        Instant confirmedAt;
        String folderId;

        Upload(String id, String filename, String mimeType, long size, String token, Instant createdAt) {
            this.id = id;
            this.filename = filename;
            this.mimeType = mimeType;
            this.size = size;
            this.token = token;
            this.createdAt = createdAt;
            this.expiresAt = createdAt.plus(UPLOAD_URL_TTL);
        }
    }

    private final Ids ids;
    private final ServerClock clock;
    private final String orgId;
    private final Supplier<String> baseUrl;
    private final Map<String, Upload> uploads = new HashMap<>();

    AssetsApi(Ids ids, ServerClock clock, String orgId, Supplier<String> baseUrl) {
        this.ids = ids;
        this.clock = clock;
        this.orgId = orgId;
        this.baseUrl = baseUrl;
    }

    /** {@code POST /v1/asset-uploads}: 201 {@code {asset_id, upload_url}}. */
    Response presign(Request request) {
        JsonNode body = Json.parse(request.body());
        if (!body.isObject()) {
            throw ErrorResponseException.badRequest("request body must be a JSON object");
        }
        List<FieldError> errors = new ArrayList<>();
        String filename = requiredText(body, "filename", 500, errors);
        String mimeType = requiredText(body, "mime_type", 255, errors);
        if (mimeType != null && !TYPES.containsKey(mimeType)) {
            errors.add(new FieldError(
                    "mime_type", "unsupported type '" + mimeType + "'; GET /v1/assets/types lists the supported ones"));
        }
        JsonNode size = body.get("size_bytes");
        long sizeBytes = -1;
        if (size == null || size.isNull()) {
            errors.add(new FieldError("size_bytes", "is required"));
        } else if (!size.isIntegralNumber() || !size.canConvertToLong()) {
            errors.add(new FieldError("size_bytes", "must be an integer"));
        } else if (size.longValue() < 1 || size.longValue() > MAX_BYTES) {
            errors.add(new FieldError("size_bytes", "must be from 1 to " + MAX_BYTES + " (50 MiB)"));
        } else {
            sizeBytes = size.longValue();
        }
        if (!errors.isEmpty()) {
            throw ErrorResponseException.validation(errors);
        }
        Upload upload = new Upload(ids.next(), filename, mimeType, sizeBytes, ids.secret(), clock.instant());
        synchronized (this) {
            uploads.put(upload.id, upload);
        }
        ObjectNode answer = Json.object();
        answer.put("asset_id", upload.id);
        answer.put(
                "upload_url",
                baseUrl.get() + "/uploads/" + upload.id + "?expires=" + upload.expiresAt.getEpochSecond() + "&token="
                        + upload.token);
        return Response.json(201, answer);
    }

    /** {@code PUT /uploads/{id}}: the presigned URL; no Bearer key, expiry on server time. */
    Response put(Request request) {
        Upload upload;
        synchronized (this) {
            upload = uploads.get(request.param("id"));
        }
        if (upload == null || !tokenMatches(upload.token, request.query().get("token"))) {
            throw new ErrorResponseException(403, "SIGNATURE_DOES_NOT_MATCH", "the upload URL is not valid", null);
        }
        if (!clock.instant().isBefore(upload.expiresAt)) {
            throw new ErrorResponseException(
                    403,
                    "REQUEST_EXPIRED",
                    "the upload URL expired at " + upload.expiresAt + "; create a new one",
                    null);
        }
        if (request.header("Authorization") != null) {
            throw ErrorResponseException.badRequest(
                    "a presigned URL carries its own credentials: send no Authorization header");
        }
        String contentType = request.header("Content-Type");
        synchronized (this) {
            if (upload.confirmedAt != null) {
                throw new ErrorResponseException(409, "CONFLICT", "this upload is already confirmed", null);
            }
            upload.bytes = request.body().clone();
            upload.storedType = contentType == null ? "application/octet-stream" : contentType.strip();
        }
        return Response.bytes(200, null, new byte[0]);
    }

    /** {@code POST /v1/asset-uploads/{id}/confirmations}: 201 with the asset. */
    Response confirm(Request request) {
        String folderId = null;
        if (request.body().length > 0) {
            JsonNode body = Json.parse(request.body());
            if (!body.isObject()) {
                throw ErrorResponseException.badRequest("request body must be a JSON object");
            }
            JsonNode folder = body.get("folder_id");
            if (folder != null && !folder.isNull()) {
                if (!folder.isTextual()) {
                    throw ErrorResponseException.validation("folder_id", "must be a string or null");
                }
                folderId = folder.textValue();
            }
        }
        synchronized (this) {
            Upload upload = uploads.get(request.param("id"));
            if (upload == null) {
                throw ErrorResponseException.notFound(
                        "ASSET_UPLOAD_NOT_FOUND", "asset upload " + request.param("id") + " does not exist");
            }
            if (upload.confirmedAt != null) {
                throw new ErrorResponseException(409, "CONFLICT", "this upload is already confirmed", null);
            }
            if (upload.bytes == null) {
                throw ErrorResponseException.validation("asset_upload_id", "nothing was uploaded to the upload URL");
            }
            List<FieldError> errors = new ArrayList<>();
            if (upload.bytes.length != upload.size) {
                errors.add(new FieldError(
                        "size_bytes",
                        "the stored object has " + upload.bytes.length + " bytes, " + upload.size + " were declared"));
            }
            if (!upload.mimeType.equals(upload.storedType)) {
                errors.add(new FieldError(
                        "mime_type",
                        "the stored object is " + upload.storedType + ", " + upload.mimeType + " was declared"));
            }
            if (!errors.isEmpty()) {
                throw ErrorResponseException.validation(errors);
            }
            upload.confirmedAt = clock.instant();
            upload.folderId = folderId;
            return Response.json(201, asset(upload));
        }
    }

    /** {@code GET /v1/assets/{id}}: the asset with a freshly signed URL. */
    Response get(Request request) {
        synchronized (this) {
            Upload upload = uploads.get(request.param("id"));
            if (upload == null || upload.confirmedAt == null) {
                throw ErrorResponseException.notFound(
                        "ASSET_NOT_FOUND",
                        "asset " + request.param("id") + " does not exist or belongs to another org");
            }
            return Response.json(200, asset(upload));
        }
    }

    /** {@code GET /v1/assets/types}. */
    Response types(Request request) {
        ObjectNode body = Json.object();
        ArrayNode items = body.putArray("items");
        TYPES.forEach((mime, kind) -> items.addObject().put("mime_type", mime).put("asset_type", kind));
        return Response.json(200, body);
    }

    /** {@code GET /asset-files/{id}}: the stored bytes, through a signed URL that expires. */
    Response file(Request request) {
        Upload upload;
        synchronized (this) {
            upload = uploads.get(request.param("id"));
        }
        if (upload == null
                || upload.confirmedAt == null
                || !tokenMatches(upload.token, request.query().get("token"))) {
            throw new ErrorResponseException(403, "SIGNATURE_DOES_NOT_MATCH", "the file URL is not valid", null);
        }
        long expires;
        try {
            expires = Long.parseLong(request.query().getOrDefault("expires", "0"));
        } catch (NumberFormatException e) {
            expires = 0;
        }
        if (clock.instant().getEpochSecond() >= expires) {
            throw new ErrorResponseException(
                    403, "REQUEST_EXPIRED", "the file URL expired; read the asset again", null);
        }
        synchronized (this) {
            return Response.bytes(200, upload.storedType, upload.bytes.clone());
        }
    }

    /** The Asset record; call holding this object's lock. */
    private ObjectNode asset(Upload u) {
        Instant now = clock.instant();
        long expires = now.plus(FILE_URL_TTL).getEpochSecond();
        ObjectNode n = Json.object();
        n.put("id", u.id);
        n.put("org_id", orgId);
        Json.putNullable(n, "folder_id", u.folderId);
        n.put("name", u.filename);
        n.put("r2_key", orgId + "/assets/" + u.id + "/" + u.filename);
        n.put("url", baseUrl.get() + "/asset-files/" + u.id + "?expires=" + expires + "&token=" + u.token);
        n.putNull("thumbnail_url");
        n.put("mime_type", u.storedType);
        n.put("size_bytes", u.bytes.length);
        n.put("asset_type", TYPES.getOrDefault(u.storedType, "file"));
        n.put("source_type", "upload");
        n.put("source_id", u.id);
        n.putNull("created_by");
        n.set("created_at", Json.time(u.confirmedAt));
        n.set("updated_at", Json.time(u.confirmedAt));
        n.putNull("deleted_at");
        n.putNull("deleted_by");
        n.putNull("created_by_user");
        return n;
    }

    private static boolean tokenMatches(String expected, String given) {
        return given != null
                && MessageDigest.isEqual(
                        expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }

    private static String requiredText(JsonNode body, String field, int max, List<FieldError> errors) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            errors.add(new FieldError(field, "is required"));
            return null;
        }
        if (!value.isTextual()
                || value.textValue().isEmpty()
                || value.textValue().length() > max) {
            errors.add(new FieldError(field, "must be a string of 1 to " + max + " characters"));
            return null;
        }
        return value.textValue();
    }

    synchronized void clear() {
        uploads.clear();
    }

    /** The ids of the confirmed uploads, that is of the assets, oldest first. */
    synchronized List<String> assetIds() {
        return uploads.values().stream()
                .filter(u -> u.confirmedAt != null)
                .sorted(java.util.Comparator.comparing((Upload u) -> u.confirmedAt)
                        .thenComparing(u -> u.id))
                .map(u -> u.id)
                .toList();
    }

    /** How many upload sessions were opened, confirmed or not. */
    synchronized int uploadSessions() {
        return uploads.size();
    }
}
