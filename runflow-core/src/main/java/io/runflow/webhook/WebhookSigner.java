package io.runflow.webhook;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Signs callback bodies the way Runflow does: {@code Runflow-Signature} is the lowercase hex
 * HMAC-SHA256 of the raw body, keyed with the secret string's UTF-8 bytes (the whole {@code whsec_...}
 * value, exactly as the dashboard shows it).
 *
 * <p>Public so that applications can sign payloads in their own tests, and so the testkit's fake
 * server signs exactly as the verifier checks:
 *
 * <pre>{@code
 * String header = WebhookSigner.of("whsec_test").sign(body);
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe. {@link #toString()} never shows the secret.
 */
public final class WebhookSigner {

    private final HmacSha256 hmac;

    private WebhookSigner(HmacSha256 hmac) {
        this.hmac = hmac;
    }

    /**
     * Returns a signer for one secret.
     *
     * @param secret the signing secret as the dashboard shows it, for example {@code whsec_...}; not
     *     blank
     * @return a thread-safe signer
     * @throws IllegalArgumentException if the secret is blank
     */
    public static WebhookSigner of(String secret) {
        Objects.requireNonNull(secret, "secret");
        if (secret.isBlank()) {
            throw new IllegalArgumentException("secret must not be blank");
        }
        // Stripped like WebhookVerifier's secrets, so that both sides use the same key.
        return new WebhookSigner(new HmacSha256(secret.strip().getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Signs a body.
     *
     * @param body the exact bytes that will be sent
     * @return the {@code Runflow-Signature} header value: 64 lowercase hex characters
     */
    public String sign(byte[] body) {
        Objects.requireNonNull(body, "body");
        return Hex.encode(hmac.mac(body));
    }

    @Override
    public String toString() {
        return "WebhookSigner[secret=***]";
    }
}
