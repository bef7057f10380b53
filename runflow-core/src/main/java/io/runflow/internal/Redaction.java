package io.runflow.internal;

import java.util.regex.Pattern;

/**
 * Takes secrets out of text bound for an exception message or a log line: the API key wherever it
 * appears, the value of a {@code plain_secret}, {@code secret} or {@code webhook_secret} JSON field,
 * and anything shaped like a webhook secret ({@code whsec_...}). A server or proxy that echoes the
 * request's credentials back must not get them into a message. Not public API.
 */
public final class Redaction {

    /** What a secret is replaced with. */
    public static final String MASK = "***";

    private static final Pattern SECRET_FIELDS =
            Pattern.compile("(\"(?:plain_secret|secret|webhook_secret)\"\\s*:\\s*\")(?:[^\"\\\\]|\\\\.)*(\")");
    private static final Pattern WEBHOOK_SECRETS = Pattern.compile("whsec_[A-Za-z0-9+/=_\\-]+");

    private Redaction() {}

    /**
     * Masks the secrets in a text.
     *
     * @param text the text, or {@code null}
     * @param apiKey the API key to mask, or {@code null} to mask only secret-shaped values
     * @return the text with every secret masked; the same instance when it held none
     */
    public static String redact(String text, String apiKey) {
        if (text == null) {
            return null;
        }
        String clean = text;
        if (apiKey != null && !apiKey.isEmpty() && clean.contains(apiKey)) {
            clean = clean.replace(apiKey, MASK);
        }
        if (clean.contains("secret")) {
            clean = SECRET_FIELDS.matcher(clean).replaceAll("$1" + MASK + "$2");
        }
        if (clean.contains("whsec_")) {
            clean = WEBHOOK_SECRETS.matcher(clean).replaceAll("whsec_" + MASK);
        }
        return clean.equals(text) ? text : clean;
    }
}
