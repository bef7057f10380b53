package io.runflow.webhook;

/**
 * Reaches {@link WebhookVerifier}'s package-private signature check, so that P2 can time the check
 * without the parsing. Lives in the benchmarks jar only, which is never published.
 */
public final class WebhookSignatures {

    private WebhookSignatures() {}

    /**
     * Runs the verifier's signature check alone.
     *
     * @param verifier the verifier
     * @param rawBody the body
     * @param signatureHeader the {@code Runflow-Signature} value
     * @throws WebhookVerificationException as {@link WebhookVerifier#verify(byte[], String)} would
     */
    public static void check(WebhookVerifier verifier, byte[] rawBody, String signatureHeader) {
        verifier.checkSignature(rawBody, signatureHeader);
    }
}
