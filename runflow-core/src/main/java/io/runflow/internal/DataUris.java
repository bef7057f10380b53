package io.runflow.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;

/**
 * Reads RFC 2397 {@code data:} URIs, the form in which models with {@code sync_mode} return their
 * outputs inline. Messages never quote the data. Not public API.
 */
public final class DataUris {

    private DataUris() {}

    /**
     * Tells whether a URL is a {@code data:} URI.
     *
     * @param url the URL, or {@code null}
     * @return {@code true} if it starts with {@code data:} (any case)
     */
    public static boolean isDataUri(String url) {
        return url != null && url.regionMatches(true, 0, "data:", 0, 5);
    }

    /**
     * Returns a {@code data:} URI's media type, without parameters.
     *
     * @param url a {@code data:} URI
     * @return for example {@code image/png}; {@code null} if the URI names none or is malformed
     */
    public static String mediaType(String url) {
        if (!isDataUri(url)) {
            return null;
        }
        int comma = url.indexOf(',');
        if (comma < 0) {
            return null;
        }
        String header = url.substring(5, comma);
        int semicolon = header.indexOf(';');
        String type = (semicolon < 0 ? header : header.substring(0, semicolon)).strip();
        return type.isEmpty() ? null : type.toLowerCase(Locale.ROOT);
    }

    /**
     * Decodes a {@code data:} URI's bytes: base64 when it says {@code ;base64}, percent-encoded text
     * otherwise.
     *
     * @param url a {@code data:} URI
     * @return the bytes
     * @throws IllegalArgumentException if it is not a well-formed {@code data:} URI
     */
    public static byte[] decode(String url) {
        Objects.requireNonNull(url, "url");
        if (!isDataUri(url)) {
            throw new IllegalArgumentException("not a data: URI");
        }
        int comma = url.indexOf(',');
        if (comma < 0) {
            throw new IllegalArgumentException("data: URI has no ',' before its data");
        }
        String header = url.substring(5, comma).toLowerCase(Locale.ROOT);
        String data = url.substring(comma + 1);
        if (header.endsWith(";base64")) {
            // Line breaks some encoders insert are dropped; any other stray character is an error.
            byte[] text = new String(percentDecode(data), StandardCharsets.ISO_8859_1)
                    .replaceAll("\\s", "")
                    .getBytes(StandardCharsets.ISO_8859_1);
            try {
                return Base64.getDecoder().decode(text);
            } catch (IllegalArgumentException notBasic) {
                try {
                    return Base64.getUrlDecoder().decode(text);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("data: URI is not valid base64");
                }
            }
        }
        return percentDecode(data);
    }

    private static byte[] percentDecode(String data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length());
        for (int i = 0; i < data.length(); i++) {
            char c = data.charAt(i);
            if (c == '%') {
                if (i + 2 >= data.length()) {
                    throw new IllegalArgumentException("data: URI has a truncated percent escape");
                }
                int hi = Character.digit(data.charAt(i + 1), 16);
                int lo = Character.digit(data.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw new IllegalArgumentException("data: URI has an invalid percent escape");
                }
                out.write(hi * 16 + lo);
                i += 2;
            } else if (c < 0x80) {
                out.write(c);
            } else {
                byte[] bytes = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                out.write(bytes, 0, bytes.length);
            }
        }
        return out.toByteArray();
    }

    /**
     * Returns a file name for a {@code data:} URI's content: {@code output} with the media type's
     * usual extension.
     *
     * @param mediaType the media type, or {@code null}
     * @return for example {@code output.png}; {@code output.bin} when the type says nothing usable
     */
    public static String fileName(String mediaType) {
        if (mediaType == null || mediaType.indexOf('/') < 0) {
            return "output.bin";
        }
        String subtype = mediaType.substring(mediaType.indexOf('/') + 1);
        int plus = subtype.indexOf('+');
        subtype = plus < 0 ? subtype : subtype.substring(0, plus);
        switch (subtype) {
            case "jpeg":
                return "output.jpg";
            case "mpeg":
                return mediaType.startsWith("audio/") ? "output.mp3" : "output.mpg";
            case "quicktime":
                return "output.mov";
            default:
                return subtype.matches("[a-z0-9.-]{1,10}") ? "output." + subtype : "output.bin";
        }
    }
}
