package io.runflow;

import static io.runflow.model.RunStatus.QUEUED;
import static io.runflow.model.RunStatus.RUNNING;
import static io.runflow.model.RunStatus.SUCCEEDED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runflow.RunflowObserver.HttpAttempt;
import io.runflow.RunflowObserver.HttpStart;
import io.runflow.RunflowObserver.RunEnd;
import io.runflow.RunflowObserver.RunStart;
import io.runflow.RunflowObserver.Scope;
import io.runflow.RunflowObserver.WebhookRequest;
import io.runflow.RunflowObserver.WebhookStart;
import io.runflow.RunflowObserver.Work;
import io.runflow.errors.RunflowException;
import io.runflow.model.JsonValue;
import io.runflow.model.Run;
import io.runflow.model.RunRequest;
import io.runflow.webhook.WebhookEndpoint;
import io.runflow.webhook.WebhookSigner;
import io.runflow.webhook.WebhookVerifier;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The start/stop hook: a run's work from its create to its end, and the trace context in its metadata. */
class RunWorkTest {

    private static final String SECRET = "whsec_work";
    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-05-06T10:00:00Z"));
    private final ManualScheduler scheduler = new ManualScheduler(clock);
    private final InMemoryRunflowApi api = new InMemoryRunflowApi();
    private final List<String> log = new CopyOnWriteArrayList<>();
    private final RecordingObserver observer = new RecordingObserver();
    private final RunflowClient runflow = client(observer, true);

    @AfterEach
    void close() {
        runflow.close();
    }

    @Test
    void storesTheTraceContextUnderTheReservedKeyBesideTheCallersMetadata() {
        runflow.runs().create(request().withMetadata(Map.of("order_id", "A-1")));

        assertThat(api.creates().get(0).metadata().toJson())
                .isEqualTo("{\"order_id\":\"A-1\",\"_runflow_trace\":{\"traceparent\":\"" + TRACEPARENT + "\"}}");
        assertThat(RunflowClient.TRACE_CONTEXT_METADATA_KEY).isEqualTo("_runflow_trace");
    }

    @Test
    void rejectsACallersMetadataThatUsesTheReservedKey() {
        RunRequest request = request().withMetadata(Map.of("_runflow_trace", "mine"));

        assertThatIllegalArgumentException()
                .isThrownBy(() -> runflow.runs().create(request))
                .withMessageStartingWith("metadata must not use the key _runflow_trace:");
        assertThat(api.creates()).isEmpty();
        assertThat(log).isEmpty();
    }

    @Test
    void rejectsTheReservedKeyWithoutAnObserverToo() {
        try (RunflowClient plain = client(RunflowObserver.noop(), true)) {
            RunRequest request = request().withMetadata(Map.of("_runflow_trace", "mine"));

            assertThatIllegalArgumentException().isThrownBy(() -> plain.runs().create(request));
        }
    }

    @Test
    void sendsTheMetadataAsGivenWhenTurnedOff() {
        try (RunflowClient off = client(observer, false)) {
            off.runs().create(request().withMetadata(Map.of("_runflow_trace", "mine")));
        }

        assertThat(api.creates().get(0).metadata().toJson()).isEqualTo("{\"_runflow_trace\":\"mine\"}");
    }

    @Test
    void endsTheRunsWorkWhenAWaitsPollSeesTheEndWithEachStatusAsAnEvent() {
        Run created = runflow.runs().create(request());
        runflow.runs().awaitAsync(created);
        scheduler.runAll(10); // four polls, each inside the run's scope: queued, running, running, succeeded

        assertThat(log)
                .containsExactly(
                        "startRun runflow/flux-pro-ultra",
                        "scope run",
                        "close run",
                        "event queued",
                        "scope run",
                        "close run",
                        "scope run",
                        "close run",
                        "event running",
                        "scope run",
                        "close run",
                        "scope run",
                        "close run",
                        "event succeeded",
                        "endRun run-1 SUCCEEDED POLL");
    }

    @Test
    void endsAnUnwaitedRunsWorkAtItsVerifiedCallbackInsideTheWebhooksWork() {
        runflow.runs().create(request());
        WebhookEndpoint endpoint = WebhookEndpoint.builder()
                .verifier(WebhookVerifier.builder().secret(SECRET).build())
                .client(runflow)
                .observer(observer)
                .listener(callback -> log.add("listener"))
                .build();
        byte[] body = ("{\"event\":\"run.completed\",\"run_id\":\"run-1\",\"status\":\"succeeded\",\"metadata\":"
                        + api.creates().get(0).metadata().toJson() + "}")
                .getBytes(StandardCharsets.UTF_8);
        log.clear();

        int status = endpoint.handle(
                        body,
                        Map.of("Runflow-Signature", WebhookSigner.of(SECRET).sign(body))::get)
                .status();

        assertThat(status).isEqualTo(200);
        assertThat(log)
                .containsExactly(
                        "startWebhook RUN traceparent=" + TRACEPARENT,
                        "scope webhook",
                        "event succeeded",
                        "endRun run-1 SUCCEEDED CALLBACK",
                        "listener",
                        "close webhook",
                        "endWebhook DELIVERED 200");
    }

    @Test
    void offersAForgedCallbacksTraceContextToNobody() {
        WebhookEndpoint endpoint = WebhookEndpoint.builder()
                .verifier(WebhookVerifier.builder().secret(SECRET).build())
                .observer(observer)
                .build();
        byte[] body = ("{\"event\":\"run.completed\",\"run_id\":\"run-1\",\"status\":\"succeeded\",\"metadata\":"
                        + "{\"_runflow_trace\":{\"traceparent\":\"" + TRACEPARENT + "\"}}}")
                .getBytes(StandardCharsets.UTF_8);

        int status = endpoint.handle(
                        body,
                        Map.of(
                                "Runflow-Signature",
                                WebhookSigner.of("whsec_other").sign(body))::get)
                .status();

        assertThat(status).isEqualTo(401);
        assertThat(log).containsExactly("startWebhook NONE traceparent=null", "endWebhook UNAUTHORIZED 401");
    }

    @Test
    void endsTheRunsWorkWithTheErrorWhenTheCreateFails() {
        try (RunflowClient failing = RunflowClient.builder()
                .apiKey("rf_test_key")
                .transport(options -> new DelegatingApi(api) {
                    @Override
                    public Run createRun(RunRequest request) {
                        throw new RunflowException("refused");
                    }
                })
                .observer(observer)
                .build()) {
            assertThatThrownBy(() -> failing.runs().create(request())).hasMessage("refused");
        }

        assertThat(log)
                .containsExactly(
                        "startRun runflow/flux-pro-ultra",
                        "scope run",
                        "close run",
                        "error refused",
                        "endRun  UNKNOWN CREATE_FAILED");
    }

    @Test
    void endsOpenRunsWorkWhenTheClientCloses() {
        runflow.runs().create(request());

        runflow.close();

        assertThat(log).last().isEqualTo("endRun run-1 QUEUED CALLER");
    }

    @Test
    void aThrowingObserverNeverChangesTheCreate() {
        try (RunflowClient throwing = client(
                new RunflowObserver() {
                    @Override
                    public Work<RunEnd> startRun(RunStart start) {
                        throw new IllegalStateException("observer bug");
                    }
                },
                true)) {
            assertThat(throwing.runs().create(request()).status()).isEqualTo(QUEUED);
        }
        assertThat(api.creates().get(0).metadata()).isEqualTo(JsonValue.nullValue());
    }

    @Test
    void theDefaultHttpAndWebhookStartsReportTheAfterTheFactEvents() {
        List<Object> heard = new CopyOnWriteArrayList<>();
        RunflowObserver meters = new RunflowObserver() {
            @Override
            public void onHttpAttempt(HttpAttempt attempt) {
                heard.add(attempt);
            }

            @Override
            public void onWebhook(WebhookRequest request) {
                heard.add(request);
            }
        };
        HttpAttempt attempt = new HttpAttempt("GET /v1/runs/{id}", 1, 200, HttpAttempt.Failure.NONE, Duration.ZERO);
        WebhookRequest request = new WebhookRequest(WebhookRequest.Outcome.DELIVERED, 200, Duration.ZERO);

        meters.startHttpAttempt(new HttpStart("GET /v1/runs/{id}", 1, (name, value) -> {}))
                .end(attempt);
        meters.startWebhook(new WebhookStart(WebhookStart.Kind.RUN, field -> null))
                .end(request);

        assertThat(heard).containsExactly(attempt, request);
        assertThat(meters.startRun(new RunStart("m", (name, value) -> {}))).isSameAs(Work.none());
    }

    @Test
    void splitsAnEndpointIntoMethodAndPathTemplate() {
        HttpStart start = new HttpStart("POST /v1/models/{model}/runs", 2, (name, value) -> {});

        assertThat(start.method()).isEqualTo("POST");
        assertThat(start.pathTemplate()).isEqualTo("/v1/models/{model}/runs");
    }

    private static RunRequest request() {
        return RunRequest.of("runflow/flux-pro-ultra", Map.of("prompt", "a fox"));
    }

    private RunflowClient client(RunflowObserver observer, boolean inMetadata) {
        api.script("run-1", QUEUED, RUNNING, RUNNING, SUCCEEDED);
        return RunflowClient.builder()
                .apiKey("rf_test_key")
                .transport(options -> api)
                .clock(clock)
                .scheduler(scheduler)
                .executor(Runnable::run)
                .pollPolicy(PollPolicy.builder().random(() -> 0.5).build())
                .observer(observer)
                .traceContextInMetadata(inMetadata)
                .build();
    }

    /** Writes what it hears to the log, and a fixed traceparent as a tracer would. */
    private final class RecordingObserver implements RunflowObserver {

        @Override
        public Work<RunEnd> startRun(RunStart start) {
            log.add("startRun " + start.modelId());
            start.traceContext().accept("traceparent", TRACEPARENT);
            return new Recorded<>("run") {
                @Override
                public void end(RunEnd end) {
                    log.add("endRun " + end.runId() + " " + end.status() + " " + end.endedBy());
                }
            };
        }

        @Override
        public Work<WebhookRequest> startWebhook(WebhookStart start) {
            log.add("startWebhook " + start.kind() + " traceparent="
                    + start.traceContext().apply("traceparent"));
            return new Recorded<>("webhook") {
                @Override
                public void end(WebhookRequest request) {
                    log.add("endWebhook " + request.outcome() + " " + request.status());
                }
            };
        }
    }

    private abstract class Recorded<E> implements Work<E> {
        private final String name;

        Recorded(String name) {
            this.name = name;
        }

        @Override
        public Scope makeCurrent() {
            log.add("scope " + name);
            return () -> log.add("close " + name);
        }

        @Override
        public void event(String event) {
            log.add("event " + event);
        }

        @Override
        public void error(Throwable error) {
            log.add("error " + error.getMessage());
        }
    }
}
