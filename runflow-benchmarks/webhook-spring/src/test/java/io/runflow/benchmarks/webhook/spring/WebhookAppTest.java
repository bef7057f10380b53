package io.runflow.benchmarks.webhook.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * P6's smoke test: each store's app answers a signed callback on the starter's route (delivered once,
 * its repeat not again) and on the bare endpoint, through the benchmark's own client. Times nothing.
 */
class WebhookAppTest {

    @Test
    void theMemoryStoreDeliversOnceAndTheBareEndpointAnswers() {
        try (RunningApp app = RunningApp.start(WebhookApp.Store.MEMORY)) {
            sendEachOnceAndARepeat(app);
        }
    }

    @Test
    void theJdbcStoreDeliversOnceAndTheBareEndpointInsertsARow() {
        try (RunningApp app = RunningApp.start(WebhookApp.Store.JDBC)) {
            sendEachOnceAndARepeat(app);

            assertThat(app.rows(BareEndpoints.TABLE)).isEqualTo(1);
            assertThat(app.rows("runflow_callback_deliveries")).isEqualTo(1);
        }
    }

    @Test
    void callbacksAreTwoKibibytesWithRunIdsOfTheirOwn() {
        SignedCallbacks callbacks = new SignedCallbacks(7);
        SignedCallbacks.Signed first = callbacks.next();
        SignedCallbacks.Signed second = callbacks.next();

        assertThat(first.body()).hasSize(2048);
        assertThat(first.signature()).hasSize(64).isNotEqualTo(second.signature());
        assertThat(SignedCallbacks.runId(7, 1)).isEqualTo("00000007-0000-0000-0000-000000000001");
    }

    private static void sendEachOnceAndARepeat(RunningApp app) {
        CallbackSender sender = new CallbackSender();
        SignedCallbacks callbacks = new SignedCallbacks(1);
        List<SignedCallbacks.Signed> one = List.of(callbacks.next());
        HttpRequest toRunflow = CallbackSender.requests(app.runflowUri(), one).get(0);

        assertThat(sender.send(toRunflow)).isEqualTo(200);
        assertThat(sender.send(toRunflow)).as("a repeat").isEqualTo(200);
        assertThat(app.delivered()).isEqualTo(1);
        assertThat(sender.send(CallbackSender.requests(app.bareUri(), List.of(callbacks.next()))
                        .get(0)))
                .isEqualTo(200);
    }
}
