package io.runflow;

import io.runflow.errors.RunflowIoException;
import io.runflow.internal.Endpoint;
import io.runflow.model.Asset;
import io.runflow.model.AssetType;
import io.runflow.model.AssetUpload;
import io.runflow.model.AssetUploadRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Files for model inputs: upload, then pass {@link Asset#ref()}. Obtained from {@link
 * RunflowClient#assets()}.
 *
 * <pre>{@code
 * Asset photo = runflow.assets().upload(Path.of("chair.jpg"));
 * Run run = runflow.runs().run(RunRequest.of("runflow/object-removal/prompt",
 *         Map.of("image_url", photo.ref(), "prompt", "the price tag")));
 * }</pre>
 *
 * <p>Whether a model resolves {@code runflow://assets/...} references at dispatch is the model's
 * business: Runflow's own notes say most non-ComfyUI models did not yet (a 422 then); pass {@link
 * Asset#url()} (signed, short-lived) to those.
 *
 * <p>An upload is three steps: a presigned session ({@code POST /v1/asset-uploads}), a {@code PUT} of
 * the bytes to its URL with the declared content type and without credentials, and a confirmation
 * ({@code POST /v1/asset-uploads/{id}/confirmations}) that makes the asset. Before any request, the
 * size is checked against the 50 MiB limit and the MIME type against the media kinds assets hold
 * ({@code image/*}, {@code video/*}, {@code audio/*}); the server's exact list is {@link #types()}, and
 * a type outside it fails the presign with 422. An upload URL that has expired (403) gets one fresh
 * session and one more {@code PUT}.
 */
public final class Assets {

    private static final Pattern MIME = Pattern.compile("^(image|video|audio)/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$");

    private static final Map<String, String> BY_EXTENSION = Map.ofEntries(
            Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"),
            Map.entry("png", "image/png"),
            Map.entry("webp", "image/webp"),
            Map.entry("gif", "image/gif"),
            Map.entry("avif", "image/avif"),
            Map.entry("heic", "image/heic"),
            Map.entry("mp4", "video/mp4"),
            Map.entry("mov", "video/quicktime"),
            Map.entry("webm", "video/webm"),
            Map.entry("mp3", "audio/mpeg"),
            Map.entry("wav", "audio/wav"),
            Map.entry("m4a", "audio/mp4"));

    private final RunflowApi api;
    private final Supplier<Uploader> uploader;

    Assets(RunflowApi api, Supplier<Uploader> uploader) {
        this.api = api;
        this.uploader = uploader;
    }

    /**
     * Returns this service's requests with the HTTP status and headers of each answer.
     *
     * <pre>{@code
     * RawResponse<Asset> asset = runflow.assets().withRawResponse().get(assetId);
     * }</pre>
     *
     * @return the raw view
     */
    public RawAssets withRawResponse() {
        return new RawAssets(this, api);
    }

    /**
     * Uploads a file, its MIME type told by its extension ({@code .jpg}, {@code .png}, {@code .webp},
     * {@code .gif}, {@code .avif}, {@code .heic}, {@code .mp4}, {@code .mov}, {@code .webm}, {@code
     * .mp3}, {@code .wav}, {@code .m4a}).
     *
     * @param file the file, at most 50 MiB
     * @return the asset
     * @throws IllegalArgumentException before any request if the file is empty, larger than 50 MiB,
     *     or of a type assets do not hold
     * @throws RunflowIoException if the file cannot be read or the upload fails
     */
    public Asset upload(Path file) {
        Objects.requireNonNull(file, "file");
        Path name = file.getFileName();
        String filename = name == null ? "upload" : name.toString();
        String mimeType = mimeTypeOf(filename);
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new RunflowIoException("cannot read " + filename + ": " + e.getMessage(), e);
        }
        // Checked before the file is read: a 2 GB file must not be loaded to be refused.
        AssetUploadRequest request = new AssetUploadRequest(filename, mimeType, size);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new RunflowIoException("cannot read " + filename + ": " + e.getMessage(), e);
        }
        if (bytes.length != size) {
            throw new RunflowIoException(filename + " changed while it was read", null);
        }
        return upload(request, bytes);
    }

    /**
     * Uploads bytes.
     *
     * @param bytes the content, 1 byte to 50 MiB
     * @param filename the file name to store, 1 to 500 characters
     * @param mimeType the content's MIME type, for example {@code image/jpeg}
     * @return the asset
     * @throws IllegalArgumentException before any request if the size or type is not accepted
     */
    public Asset upload(byte[] bytes, String filename, String mimeType) {
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(mimeType, "mimeType");
        String type = checkedMimeType(mimeType);
        return upload(new AssetUploadRequest(filename, type, bytes.length), bytes.clone());
    }

    private Asset upload(AssetUploadRequest request, byte[] bytes) {
        checkedMimeType(request.mimeType());
        AssetUpload session = api.createAssetUpload(request, Endpoint.CREATE_ASSET_UPLOAD.newIdempotencyKey());
        int status = uploader.get().put(session.uploadUrl(), request.mimeType(), bytes);
        if (status == 403) {
            // The documented sign of an expired presigned URL: one fresh session, one more PUT.
            // A new session is a new logical call, with a key of its own.
            session = api.createAssetUpload(request, Endpoint.CREATE_ASSET_UPLOAD.newIdempotencyKey());
            status = uploader.get().put(session.uploadUrl(), request.mimeType(), bytes);
            if (status == 403) {
                throw new RunflowIoException(
                        "upload of " + request.filename() + " refused twice with HTTP 403 by the presigned URL"
                                + " (expired at once: is the machine's clock far off?)",
                        null);
            }
        }
        if (status / 100 != 2) {
            throw new RunflowIoException(
                    "upload of " + request.filename() + " failed: the presigned URL answered HTTP " + status, null);
        }
        return api.confirmAssetUpload(session.assetUploadId(), null, Endpoint.CONFIRM_ASSET_UPLOAD.newIdempotencyKey());
    }

    /**
     * Reads an asset with a freshly signed URL ({@code GET /v1/assets/{id}}).
     *
     * @param assetId the asset id
     * @return the asset
     */
    public Asset get(String assetId) {
        return api.getAsset(Calls.requireId(assetId, "assetId"));
    }

    /**
     * Lists the MIME types uploads may declare ({@code GET /v1/assets/types}).
     *
     * @return the types
     */
    public List<AssetType> types() {
        return api.listAssetTypes();
    }

    /**
     * Tells the MIME type uploads of a file name declare.
     *
     * @param filename a file name with one of the extensions {@link #upload(Path)} knows
     * @return the MIME type
     * @throws IllegalArgumentException if the extension is not one an asset may have
     */
    static String mimeTypeOf(String filename) {
        int dot = filename.lastIndexOf('.');
        String extension = dot < 0 ? "" : filename.substring(dot + 1).toLowerCase(Locale.ROOT);
        String type = BY_EXTENSION.get(extension);
        if (type == null) {
            throw new IllegalArgumentException("cannot upload " + filename + ": assets hold images, video and"
                    + " audio, and '." + extension + "' is none this SDK knows; use upload(bytes, filename,"
                    + " mimeType) for another media type");
        }
        return type;
    }

    private static String checkedMimeType(String mimeType) {
        String type = mimeType.strip().toLowerCase(Locale.ROOT);
        if (!MIME.matcher(type).matches()) {
            throw new IllegalArgumentException("mimeType '" + mimeType + "' is not one assets hold: uploads take"
                    + " image/*, video/* or audio/* types (GET /v1/assets/types lists the server's)");
        }
        return type;
    }
}
