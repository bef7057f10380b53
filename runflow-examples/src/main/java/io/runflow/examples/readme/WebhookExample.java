package io.runflow.examples.readme;

import io.runflow.RunflowClient;
import io.runflow.webhook.CallbackDeduplicator;
import io.runflow.webhook.InMemoryCallbackDeduplicator;
import io.runflow.webhook.RunCallback;
import io.runflow.webhook.WebhookVerificationException;
import io.runflow.webhook.WebhookVerifier;
import java.util.function.Function;

/** The README's webhook example, compiled by the build so that it cannot drift. */
final class WebhookExample {

    private final RunflowClient runflow;

    WebhookExample(RunflowClient runflow) {
        this.runflow = runflow;
    }

    // snippet:start webhook
    WebhookVerifier verifier = WebhookVerifier.builder()
            .secret(System.getenv("RUNFLOW_WEBHOOK_SECRET")) // whsec_..., repeat .secret(..) while rotating
            .build();
    CallbackDeduplicator seen = InMemoryCallbackDeduplicator.builder().build();

    /** Your HTTP framework's POST handler: the raw body bytes and a header lookup. */
    int onCallback(byte[] rawBody, Function<String, String> header) {
        try {
            RunCallback callback = verifier.verify(rawBody, header); // signature first, then parsing
            if (seen.firstDelivery(callback)) { // Runflow retries, so duplicates happen
                runflow.callbacks().accept(callback.toRun()); // ends any runs().await(..) on this run at once
                System.out.println(callback.runId() + " " + callback.status());
            }
            return 200;
        } catch (WebhookVerificationException e) {
            return e.reason().httpStatus(); // 401 bad signature, 400 not a callback, 413 too large
        }
    }
    // snippet:end webhook
}
