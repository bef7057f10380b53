package io.runflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.runflow.model.Batch;
import io.runflow.model.Run;
import io.runflow.model.RunStatus;
import io.runflow.webhook.WebhookEndpoint;
import io.runflow.webhook.WebhookResponse;
import io.runflow.webhook.WebhookSigner;
import io.runflow.webhook.WebhookVerifier;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A webhook endpoint given a client ends that client's waits: a run callback its run's, a batch callback its batch's. */
class WebhookEndpointWaitsTest {

    private static final String SECRET = "whsec_endpoint_waits_0123";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-05-06T10:00:00Z"));
    private final ManualScheduler scheduler = new ManualScheduler(clock);
    private final InMemoryRunflowApi api = new InMemoryRunflowApi();
    private final RunflowClient runflow = RunflowClient.builder()
            .apiKey("rf_test_key")
            .transport(options -> api)
            .clock(clock)
            .scheduler(scheduler)
            .executor(Runnable::run)
            .build();
    private final WebhookEndpoint endpoint = WebhookEndpoint.builder()
            .verifier(WebhookVerifier.builder().secret(SECRET).build())
            .client(runflow)
            .build();

    @AfterEach
    void close() {
        runflow.close();
    }

    @Test
    void aBatchCallbackEndsTheWaitOnItsBatch() {
        api.scriptBatch("b1", runningBatch());
        CompletableFuture<Batch> wait = runflow.batches().awaitAsync("b1");

        WebhookResponse response = handle("{\"event\":\"batch.succeeded\",\"batch_id\":\"b1\",\"status\":\"succeeded\","
                + "\"output\":{\"items\":[],\"succeeded\":2,\"failed\":0,\"cancelled\":0,\"total\":2}}");

        assertThat(response.status()).isEqualTo(200);
        assertThat(wait).isCompletedWithValueMatching(batch -> batch.status() == RunStatus.SUCCEEDED);
        assertThat(api.gets("b1")).isZero();
    }

    @Test
    void aRunCallbackEndsTheWaitOnItsRun() {
        api.script("r1", RunStatus.RUNNING);
        CompletableFuture<Run> wait = runflow.runs().awaitAsync("r1");

        WebhookResponse response =
                handle("{\"event\":\"run.completed\",\"run_id\":\"r1\",\"status\":\"succeeded\",\"output\":{}}");

        assertThat(response.status()).isEqualTo(200);
        assertThat(wait).isCompletedWithValueMatching(run -> run.status() == RunStatus.SUCCEEDED);
        assertThat(api.gets("r1")).isZero();
    }

    @Test
    void saysItHasAClient() {
        assertThat(endpoint.toString()).endsWith(", listeners=0, client=true]");
    }

    private WebhookResponse handle(String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers =
                Map.of("Runflow-Signature", WebhookSigner.of(SECRET).sign(body));
        return endpoint.handle(body, headers::get);
    }

    private static Batch runningBatch() {
        return Batch.builder()
                .id("b1")
                .status(RunStatus.RUNNING)
                .statusCode("running")
                .itemsTotal(2)
                .itemsSucceeded(0)
                .itemsFailed(0)
                .itemsCancelled(0)
                .build();
    }
}
