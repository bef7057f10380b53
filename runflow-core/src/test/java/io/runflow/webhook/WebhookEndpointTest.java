package io.runflow.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runflow.RunflowObserver;
import io.runflow.RunflowObserver.WebhookRequest;
import io.runflow.RunflowObserver.WebhookRequest.Outcome;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class WebhookEndpointTest {

    private static final String SECRET = "whsec_endpoint_0123456789";
    private static final byte[] COMPLETED =
            utf8("{\"event\":\"run.completed\",\"run_id\":\"run-1\",\"status\":\"succeeded\"}");

    private final WebhookVerifier verifier =
            WebhookVerifier.builder().secret(SECRET).maxBodySize(4_096).build();
    private final List<Callback> received = new CopyOnWriteArrayList<>();
    private final List<WebhookRequest> events = new CopyOnWriteArrayList<>();
    private final RunflowObserver observer = new RunflowObserver() {
        @Override
        public void onWebhook(WebhookRequest request) {
            events.add(request);
        }
    };

    private final WebhookEndpoint endpoint = WebhookEndpoint.builder()
            .verifier(verifier)
            .listener(received::add)
            .observer(observer)
            .build();

    @Test
    void deliversASignedCallbackWith200() {
        WebhookResponse response = endpoint.handle(COMPLETED, signed(COMPLETED));

        assertThat(response).isEqualTo(new WebhookResponse(200, "{\"outcome\":\"delivered\"}"));
        assertThat(received).singleElement().satisfies(callback -> {
            assertThat(callback).isInstanceOf(RunCallback.class);
            assertThat(callback.id()).isEqualTo("run-1");
            assertThat(callback.requestId()).isEqualTo("req-1");
        });
    }

    @Test
    void answersARepeatWith200WithoutCallingTheListenersAgain() {
        endpoint.handle(COMPLETED, signed(COMPLETED));

        WebhookResponse repeat = endpoint.handle(COMPLETED, signed(COMPLETED));

        assertThat(repeat).isEqualTo(new WebhookResponse(200, "{\"outcome\":\"duplicate\"}"));
        assertThat(received).hasSize(1);
    }

    @Test
    void rejectsAMissingSignatureWith401() {
        assertThat(endpoint.handle(COMPLETED, headers(Map.of())))
                .isEqualTo(new WebhookResponse(401, "{\"outcome\":\"rejected\",\"reason\":\"missing_signature\"}"));
        assertThat(received).isEmpty();
    }

    @Test
    void rejectsAMalformedSignatureWith401() {
        assertThat(endpoint.handle(COMPLETED, headers(Map.of("Runflow-Signature", "not-hex"))))
                .isEqualTo(new WebhookResponse(401, "{\"outcome\":\"rejected\",\"reason\":\"malformed_signature\"}"));
    }

    @Test
    void rejectsAForgedSignatureWith401AndTellsTheObserver() {
        String forged = WebhookSigner.of("whsec_someone_else").sign(COMPLETED);

        WebhookResponse response = endpoint.handle(COMPLETED, headers(Map.of("Runflow-Signature", forged)));

        assertThat(response)
                .isEqualTo(new WebhookResponse(401, "{\"outcome\":\"rejected\",\"reason\":\"signature_mismatch\"}"));
        assertThat(received).isEmpty();
        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.outcome()).isEqualTo(Outcome.UNAUTHORIZED);
            assertThat(event.status()).isEqualTo(401);
            assertThat(event.duration().isNegative()).isFalse();
        });
    }

    @Test
    void rejectsASignedBodyThatIsNotACallbackWith400() {
        byte[] body = utf8("{\"hello\":\"world\"}");

        assertThat(endpoint.handle(body, signed(body)))
                .isEqualTo(new WebhookResponse(400, "{\"outcome\":\"rejected\",\"reason\":\"body_not_a_callback\"}"));
    }

    @Test
    void rejectsABodyOneByteOverTheLimitWith413AndAcceptsOneAtTheLimit() {
        byte[] atLimit = padded(4_096);
        byte[] overLimit = padded(4_097);

        assertThat(endpoint.handle(overLimit, signed(overLimit)))
                .isEqualTo(new WebhookResponse(413, "{\"outcome\":\"rejected\",\"reason\":\"body_too_large\"}"));
        assertThat(endpoint.handle(atLimit, signed(atLimit)).status()).isEqualTo(200);
        assertThat(endpoint.maxBodySize()).isEqualTo(4_096);
    }

    @Test
    void decidesTooLargeBeforeLookingAtTheSignature() {
        byte[] overLimit = padded(4_097);

        assertThat(endpoint.handle(overLimit, headers(Map.of())).status()).isEqualTo(413);
    }

    @Test
    void answersADeclaredOversizedBodyWith413UnreadAndTellsTheObserver() {
        assertThat(endpoint.tooLarge())
                .isEqualTo(new WebhookResponse(413, "{\"outcome\":\"rejected\",\"reason\":\"body_too_large\"}"));
        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.outcome()).isEqualTo(Outcome.TOO_LARGE);
            assertThat(event.status()).isEqualTo(413);
        });
    }

    @Test
    void takesANullBodyAsEmpty() {
        assertThat(endpoint.handle(null, headers(Map.of())).status()).isEqualTo(401);
    }

    @Test
    void answers500WhenAListenerThrowsAndDeliversRunflowsRetry() {
        AtomicInteger calls = new AtomicInteger();
        WebhookEndpoint failingOnce = WebhookEndpoint.builder()
                .verifier(verifier)
                .listener(callback -> {
                    if (calls.incrementAndGet() == 1) {
                        throw new IllegalStateException("database busy");
                    }
                })
                .listener(received::add)
                .build();

        WebhookResponse first = failingOnce.handle(COMPLETED, signed(COMPLETED));
        WebhookResponse retry = failingOnce.handle(COMPLETED, signed(COMPLETED));

        assertThat(first)
                .isEqualTo(new WebhookResponse(500, "{\"outcome\":\"failed\",\"reason\":\"listener_failed\"}"));
        assertThat(retry.status()).isEqualTo(200);
        assertThat(calls).hasValue(2);
        assertThat(received).hasSize(1);
    }

    @Test
    void answers500WhenAListenerThrowsAnError() {
        WebhookEndpoint failing = WebhookEndpoint.builder()
                .verifier(verifier)
                .listener(callback -> {
                    throw new AssertionError("bug");
                })
                .build();

        assertThat(failing.handle(COMPLETED, signed(COMPLETED)).status()).isEqualTo(500);
    }

    @Test
    void answers500WhenTheDeduplicatorFailsAndReleasesAMarkItMayHaveKept() {
        List<String> released = new ArrayList<>();
        WebhookEndpoint broken = WebhookEndpoint.builder()
                .verifier(verifier)
                .deduplicator(new CallbackDeduplicator() {
                    @Override
                    public boolean firstDelivery(Callback callback) {
                        throw new IllegalStateException("database down");
                    }

                    @Override
                    public void release(Callback callback) {
                        released.add(callback.id());
                        throw new IllegalStateException("database still down");
                    }
                })
                .listener(received::add)
                .observer(observer)
                .build();

        assertThat(broken.handle(COMPLETED, signed(COMPLETED)))
                .isEqualTo(new WebhookResponse(500, "{\"outcome\":\"failed\",\"reason\":\"deduplication_failed\"}"));
        assertThat(received).isEmpty();
        assertThat(events).extracting(WebhookRequest::outcome).containsExactly(Outcome.FAILED);
        assertThat(released).containsExactly("run-1");
    }

    @Test
    void runsListenersInTheOrderAdded() {
        List<String> order = new ArrayList<>();
        WebhookEndpoint ordered = WebhookEndpoint.builder()
                .verifier(verifier)
                .listener(callback -> order.add("first"))
                .listener(callback -> order.add("second"))
                .listener(callback -> order.add("third"))
                .build();

        ordered.handle(COMPLETED, signed(COMPLETED));

        assertThat(order).containsExactly("first", "second", "third");
    }

    @Test
    void handsABatchCallbackToTheListeners() {
        byte[] batch = utf8("{\"event\":\"batch.completed\",\"batch_id\":\"batch-1\",\"status\":\"succeeded\"}");

        assertThat(endpoint.handle(batch, signed(batch)).status()).isEqualTo(200);
        assertThat(received).singleElement().satisfies(callback -> {
            assertThat(callback).isInstanceOf(BatchCallback.class);
            assertThat(callback.id()).isEqualTo("batch-1");
        });
    }

    @Test
    void handsEachKindOnlyToTheTypedListenersOfThatKind() {
        byte[] batch = utf8("{\"event\":\"batch.completed\",\"batch_id\":\"batch-1\",\"status\":\"succeeded\"}");
        List<String> runs = new ArrayList<>();
        List<String> batches = new ArrayList<>();
        WebhookEndpoint typed = WebhookEndpoint.builder()
                .verifier(verifier)
                .listener(CallbackListener.runs(run -> runs.add(run.runId())))
                .listener(CallbackListener.batches(done -> batches.add(done.batchId())))
                .build();

        typed.handle(COMPLETED, signed(COMPLETED));
        typed.handle(batch, signed(batch));

        assertThat(runs).containsExactly("run-1");
        assertThat(batches).containsExactly("batch-1");
    }

    @Test
    void keepsARunAndABatchWithTheSameIdApart() {
        byte[] batch = utf8("{\"event\":\"run.completed\",\"batch_id\":\"run-1\",\"status\":\"succeeded\"}");

        endpoint.handle(COMPLETED, signed(COMPLETED));
        endpoint.handle(batch, signed(batch));

        assertThat(received).hasSize(2);
        assertThat(received.get(1)).isInstanceOf(BatchCallback.class);
    }

    @Test
    void deliversEachEventOfARunOnce() {
        byte[] failed = utf8("{\"event\":\"run.failed\",\"run_id\":\"run-1\",\"status\":\"failed\"}");

        endpoint.handle(COMPLETED, signed(COMPLETED));
        endpoint.handle(failed, signed(failed));
        endpoint.handle(failed, signed(failed));

        assertThat(received).extracting(Callback::eventName).containsExactly("run.completed", "run.failed");
    }

    @Test
    void reportsEveryOutcomeToTheObserver() {
        byte[] garbage = utf8("not json");
        endpoint.handle(COMPLETED, signed(COMPLETED));
        endpoint.handle(COMPLETED, signed(COMPLETED));
        endpoint.handle(garbage, signed(garbage));
        endpoint.handle(padded(5_000), headers(Map.of()));

        assertThat(events)
                .extracting(WebhookRequest::outcome, WebhookRequest::status)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Outcome.DELIVERED, 200),
                        org.assertj.core.groups.Tuple.tuple(Outcome.DUPLICATE, 200),
                        org.assertj.core.groups.Tuple.tuple(Outcome.NOT_A_CALLBACK, 400),
                        org.assertj.core.groups.Tuple.tuple(Outcome.TOO_LARGE, 413));
    }

    @Test
    void anObserverThatThrowsChangesNoAnswer() {
        WebhookEndpoint observed = WebhookEndpoint.builder()
                .verifier(verifier)
                .listener(received::add)
                .observer(new RunflowObserver() {
                    @Override
                    public void onWebhook(WebhookRequest request) {
                        throw new IllegalStateException("metrics backend down");
                    }
                })
                .build();

        assertThat(observed.handle(COMPLETED, signed(COMPLETED)).status()).isEqualTo(200);
        assertThat(received).hasSize(1);
    }

    @Test
    void saysNothingOfTheRequestInItsAnswers() {
        String forged = WebhookSigner.of("whsec_someone_else").sign(COMPLETED);

        WebhookResponse response = endpoint.handle(COMPLETED, headers(Map.of("Runflow-Signature", forged)));

        assertThat(response.body())
                .doesNotContain(forged)
                .doesNotContain("run-1")
                .doesNotContain(SECRET);
        assertThat(response.bodyBytes()).isEqualTo(utf8(response.body()));
        assertThat(endpoint.toString()).doesNotContain(SECRET);
    }

    @Test
    void requiresAVerifier() {
        assertThatIllegalStateException()
                .isThrownBy(() -> WebhookEndpoint.builder().build())
                .withMessage("verifier is required: call WebhookEndpoint.builder().verifier(..)");
    }

    @Test
    void rejectsNullsAtOnce() {
        WebhookEndpoint.Builder builder = WebhookEndpoint.builder();
        assertThatNullPointerException()
                .isThrownBy(() -> builder.verifier(null))
                .withMessage("verifier");
        assertThatNullPointerException()
                .isThrownBy(() -> builder.listener(null))
                .withMessage("listener");
        assertThatNullPointerException()
                .isThrownBy(() -> builder.deduplicator(null))
                .withMessage("deduplicator");
        assertThatNullPointerException().isThrownBy(() -> builder.client(null)).withMessage("client");
        assertThatNullPointerException()
                .isThrownBy(() -> builder.observer(null))
                .withMessage("observer");
        assertThatThrownBy(() -> endpoint.handle(COMPLETED, null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("header");
    }

    @Test
    void rethrowsAVirtualMachineErrorOfAListenerAfterReleasingTheDelivery() {
        AtomicInteger calls = new AtomicInteger();
        WebhookEndpoint failingOnce = WebhookEndpoint.builder()
                .verifier(verifier)
                .listener(callback -> {
                    if (calls.incrementAndGet() == 1) {
                        throw new StackOverflowError("listener recursed");
                    }
                })
                .build();

        assertThatThrownBy(() -> failingOnce.handle(COMPLETED, signed(COMPLETED)))
                .isInstanceOf(StackOverflowError.class)
                .hasMessage("listener recursed");
        // Released: Runflow's retry is a first delivery, not a duplicate.
        assertThat(failingOnce.handle(COMPLETED, signed(COMPLETED)))
                .isEqualTo(new WebhookResponse(200, "{\"outcome\":\"delivered\"}"));
    }

    @Test
    void tellsTheObserverHowLongEachRequestTook() {
        endpoint.handle(COMPLETED, signed(COMPLETED));
        endpoint.tooLarge();

        assertThat(events)
                .hasSize(2)
                .allSatisfy(request -> assertThat(request.duration()).isBetween(Duration.ZERO, Duration.ofSeconds(30)));
    }

    @Test
    void describesItsPartsButNoSecret() {
        assertThat(endpoint)
                .hasToString("WebhookEndpoint[verifier=WebhookVerifier[secrets=1 (redacted), maxBodySize=4096],"
                        + " deduplicator=InMemoryCallbackDeduplicator[capacity=10000, timeToLive=PT24H], listeners=1,"
                        + " client=false]");
    }

    @Test
    void logsEveryFailureAndRejectionWithoutTheSecret() {
        Logger logger = Logger.getLogger(WebhookEndpoint.class.getName());
        List<LogRecord> records = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        capture.setLevel(Level.ALL);
        Level before = logger.getLevel();
        logger.setLevel(Level.ALL);
        logger.addHandler(capture);
        try {
            endpoint.handle(COMPLETED, headers(Map.of()));
            WebhookEndpoint.builder()
                    .verifier(verifier)
                    .listener(callback -> {
                        throw new IllegalStateException("database busy");
                    })
                    .build()
                    .handle(COMPLETED, signed(COMPLETED));
            WebhookEndpoint.builder()
                    .verifier(verifier)
                    .deduplicator(new CallbackDeduplicator() {
                        @Override
                        public boolean firstDelivery(Callback callback) {
                            throw new IllegalStateException("database down");
                        }

                        @Override
                        public void release(Callback callback) {
                            throw new IllegalStateException("database still down");
                        }
                    })
                    .build()
                    .handle(COMPLETED, signed(COMPLETED));
        } finally {
            logger.removeHandler(capture);
            logger.setLevel(before);
        }

        assertThat(records)
                .extracting(LogRecord::getLevel)
                .containsExactly(Level.FINE, Level.WARNING, Level.WARNING, Level.SEVERE);
        assertThat(records.get(0).getMessage()).startsWith("Runflow callback rejected: no Runflow-Signature header");
        assertThat(records.get(1).getMessage()).startsWith("Runflow callback listener failed for RunCallback[");
        assertThat(records.get(1).getThrown()).hasMessage("database busy");
        assertThat(records.get(2).getMessage()).contains("not delivered: the de-duplicator failed");
        assertThat(records.get(2).getThrown()).hasMessage("database down");
        assertThat(records.get(3).getMessage()).contains("could not be released");
        assertThat(records.get(3).getThrown()).hasMessage("database still down");
        assertThat(records).allSatisfy(record -> assertThat(record.getMessage()).doesNotContain(SECRET));
    }

    /** A run.completed callback padded with metadata to exactly {@code size} bytes. */
    private static byte[] padded(int size) {
        String head =
                "{\"event\":\"run.completed\",\"run_id\":\"run-big\",\"status\":\"succeeded\",\"metadata\":{\"p\":\"";
        String tail = "\"}}";
        return utf8(head + "x".repeat(size - head.length() - tail.length()) + tail);
    }

    private static Function<String, String> signed(byte[] body) {
        return headers(Map.of("Runflow-Signature", WebhookSigner.of(SECRET).sign(body), "Runflow-Request-Id", "req-1"));
    }

    private static Function<String, String> headers(Map<String, String> headers) {
        return headers::get;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
