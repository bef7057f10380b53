package io.runflow.webhook;

import java.nio.charset.StandardCharsets;

/** Callbacks made the way an endpoint gets them: a JSON body signed, then verified. */
final class SignedCallbacks {

    private static final String SECRET = "whsec_dedup_tests_0123456789";
    private static final WebhookSigner SIGNER = WebhookSigner.of(SECRET);
    private static final WebhookVerifier VERIFIER =
            WebhookVerifier.builder().secret(SECRET).build();

    private SignedCallbacks() {}

    static RunCallback run(String runId, String event) {
        return (RunCallback)
                verified("{\"event\":\"" + event + "\",\"run_id\":\"" + runId + "\",\"status\":\"succeeded\"}");
    }

    static BatchCallback batch(String batchId, String event) {
        return (BatchCallback) verified("{\"event\":\"" + event + "\",\"batch_id\":\"" + batchId + "\"}");
    }

    private static Callback verified(String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return VERIFIER.verify(body, SIGNER.sign(body));
    }
}
