package io.runflow.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Model ids ({@code owner/slug}, possibly with more segments): validation, and the path form with
 * each segment percent-encoded. Not public API.
 */
public final class ModelIds {

    private ModelIds() {}

    /**
     * Checks a model id.
     *
     * @param modelId the id
     * @throws IllegalArgumentException naming {@code modelId} if it is null, blank, or has an empty,
     *     {@code .} or {@code ..} segment
     */
    public static void validate(String modelId) {
        if (modelId == null || modelId.isBlank()) {
            throw new IllegalArgumentException(
                    "modelId is required, for example \"black-forest-labs/flux-1-1-pro-ultra\"");
        }
        for (String segment : modelId.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw new IllegalArgumentException("modelId \"" + modelId
                        + "\" is invalid: segments separated by '/' must not be empty, '.' or '..'");
            }
        }
    }

    /**
     * Returns the model id as URL path segments, each percent-encoded.
     *
     * @param modelId a valid model id
     * @return for example {@code black-forest-labs/flux-1-1-pro-ultra}
     */
    public static String toPath(String modelId) {
        validate(modelId);
        StringBuilder path = new StringBuilder();
        for (String segment : modelId.split("/", -1)) {
            if (path.length() > 0) {
                path.append('/');
            }
            path.append(encodeSegment(segment));
        }
        return path.toString();
    }

    /**
     * Percent-encodes one path segment (RFC 3986: spaces as {@code %20}, never {@code +}).
     *
     * @param segment the raw segment
     * @return the encoded segment
     */
    public static String encodeSegment(String segment) {
        if (unreserved(segment)) {
            // What the encoder would return (its %7E turned back into ~), without its buffers: ids are like this.
            return segment;
        }
        return URLEncoder.encode(segment, StandardCharsets.UTF_8)
                .replace("+", "%20")
                .replace("%7E", "~");
    }

    /** Whether every character is an RFC 3986 unreserved one: letters, digits, {@code -._~}. */
    private static boolean unreserved(String segment) {
        for (int i = 0; i < segment.length(); i++) {
            if (!unreserved(segment.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether a character is an RFC 3986 unreserved one: a letter, a digit or one of {@code -._~}.
     *
     * @param c the character
     * @return true when it never needs percent-encoding in a path segment
     */
    public static boolean unreserved(char c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || c == '-'
                || c == '.'
                || c == '_'
                || c == '~';
    }
}
