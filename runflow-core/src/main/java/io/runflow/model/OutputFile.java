package io.runflow.model;

import java.util.Objects;

/**
 * One generated artifact of a run: an entry of {@code output.outputs[]}.
 *
 * <p>Output URLs are presigned and expire: download them on receipt (see {@code
 * RunflowClient.download}). Models with {@code sync_mode} return the file inline instead, as a
 * {@code data:} URI ({@link #isDataUri()}); {@code download} writes those without a request.
 *
 * @param url where the file can be fetched, without credentials (the URL itself is signed), or a
 *     {@code data:} URI holding the file itself
 * @param type {@code image}, {@code video} or {@code audio}; {@code null} if the server did not say
 * @param width width in pixels, {@code null} if not reported
 * @param height height in pixels, {@code null} if not reported
 * @param contentType the MIME type, for example {@code image/jpeg}; {@code null} if not reported
 * @param raw the entry as received, with any fields this SDK does not model
 */
public record OutputFile(String url, String type, Integer width, Integer height, String contentType, JsonValue raw) {

    /** Checks that the URL is present and normalises a missing {@code raw} to JSON {@code null}. */
    public OutputFile {
        Objects.requireNonNull(url, "url");
        raw = raw == null ? JsonValue.JsonNull.INSTANCE : raw;
    }

    /**
     * Returns an entry with just a URL and a type, as the older {@code image_urls[]} shape gives.
     *
     * @param url the file's URL
     * @param type the artifact type, for example {@code image}
     * @return the entry
     */
    public static OutputFile of(String url, String type) {
        return new OutputFile(url, type, null, null, null, null);
    }

    /**
     * Tells whether the file is inline: a {@code data:} URI (models with {@code sync_mode}) rather
     * than a URL to fetch.
     *
     * @return {@code true} for a {@code data:} URI
     */
    public boolean isDataUri() {
        return url.regionMatches(true, 0, "data:", 0, 5);
    }

    /** Names the file; a {@code data:} URI shows as its media type and length, not its megabytes. */
    @Override
    public String toString() {
        String shown = isDataUri()
                ? url.substring(0, Math.max(5, Math.min(url.indexOf(','), 64))) + ",...(" + url.length() + " chars)"
                : url;
        return "OutputFile[url=" + shown + ", type=" + type + ", width=" + width + ", height=" + height
                + ", contentType=" + contentType + "]";
    }
}
