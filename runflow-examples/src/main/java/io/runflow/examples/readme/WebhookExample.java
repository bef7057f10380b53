package io.runflow.examples.readme;

import io.runflow.RunflowClient;
import io.runflow.webhook.WebhookEndpoint;
import io.runflow.webhook.WebhookResponse;
import io.runflow.webhook.WebhookVerifier;
import java.util.function.Function;

/** The README's webhook example, compiled by the build so that it cannot drift. */
final class WebhookExample {

    private final RunflowClient runflow = RunflowClient.fromEnv();

    // snippet:start webhook
    WebhookEndpoint endpoint = WebhookEndpoint.builder()
            .verifier(WebhookVerifier.builder()
                    .secret(System.getenv("RUNFLOW_WEBHOOK_SECRET")) // whsec_..., repeat .secret(..) while rotating
                    .build())
            .client(runflow) // a verified callback ends any runs().await(..) on its run at once
            .listener(callback -> System.out.println(callback.id() + " " + callback.status())) // once per run or batch
            .build();

    /** Your HTTP framework's POST handler: the raw body bytes and a header lookup. */
    int onCallback(byte[] rawBody, Function<String, String> header) {
        WebhookResponse response = endpoint.handle(rawBody, header); // never throws for a bad request
        return response.status(); // 200, 401 bad signature, 400 not a callback, 413 too large, 500 listener threw
    }
    // snippet:end webhook
}
