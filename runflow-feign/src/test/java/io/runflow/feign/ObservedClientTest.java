package io.runflow.feign;

import static org.assertj.core.api.Assertions.assertThat;

import feign.Client;
import feign.http2client.Http2Client;
import io.runflow.RunflowClient;
import io.runflow.RunflowObserver;
import io.runflow.catalog.FluxProUltra;
import io.runflow.model.Run;
import io.runflow.testkit.FakeRunflowServer;
import io.runflow.testkit.Fault;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The observer hears every attempt and retry of real calls against the fake, in order. */
class ObservedClientTest {

    static final FakeRunflowServer server =
            FakeRunflowServer.builder().deterministic().build();
    final FeignTests.RecordingSleeper sleeper = new FeignTests.RecordingSleeper();
    final List<String> events = new CopyOnWriteArrayList<>();
    final RunflowObserver recorder = new RunflowObserver() {
        @Override
        public void onHttpAttempt(HttpAttempt attempt) {
            assertThat(attempt.duration().isNegative()).isFalse();
            events.add("attempt " + attempt.attempt() + " " + attempt.endpoint() + " -> " + attempt.outcome());
        }

        @Override
        public void onRetry(Retry retry) {
            events.add("retry " + retry.endpoint() + " after " + retry.failedAttempts() + " (" + retry.reason()
                    + ") in " + retry.delay());
        }
    };

    @AfterEach
    void reset() {
        server.reset();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void sendsTheHeadersAnObserverAddsAtEachAttemptsStart() {
        RunflowObserver tracer = new RunflowObserver() {
            @Override
            public Work<HttpAttempt> startHttpAttempt(HttpStart start) {
                start.headers()
                        .accept("traceparent", "00-" + "1".repeat(32) + "-000000000000000" + start.attempt() + "-01");
                events.add("start " + start.method() + " " + start.pathTemplate() + " #" + start.attempt());
                return attempt -> events.add("end " + attempt.outcome());
            }
        };
        server.inject(Fault.unavailable().times(1).onPath("/v1/models/"));

        try (RunflowClient runflow = client(server.baseUrl(), tracer, RunflowFeign.transport())) {
            runflow.runs().create(FluxProUltra.input("traced"));
        }

        assertThat(server.requests())
                .extracting(request -> request.header("traceparent").orElse("none"))
                .containsExactly(
                        "00-11111111111111111111111111111111-0000000000000001-01",
                        "00-11111111111111111111111111111111-0000000000000002-01");
        assertThat(events)
                .containsExactly(
                        "start POST /v1/models/{model}/runs #1",
                        "end 503",
                        "start POST /v1/models/{model}/runs #2",
                        "end 201");
    }

    @Test
    void reportsACreateWithTwo503sAttemptByAttempt() {
        server.inject(Fault.unavailable().times(2).onPath("/v1/models/"));

        try (RunflowClient runflow = client(server.baseUrl(), recorder, RunflowFeign.transport())) {
            runflow.runs().create(FluxProUltra.input("observed"));
        }

        assertThat(events)
                .containsExactly(
                        "attempt 1 POST /v1/models/{model}/runs -> 503",
                        "retry POST /v1/models/{model}/runs after 1 (503) in PT1S",
                        "attempt 2 POST /v1/models/{model}/runs -> 503",
                        "retry POST /v1/models/{model}/runs after 2 (503) in PT2S",
                        "attempt 3 POST /v1/models/{model}/runs -> 201");
    }

    @Test
    void numbersTheAttemptsOfEachCallFromOne() {
        try (RunflowClient runflow = client(server.baseUrl(), recorder, RunflowFeign.transport())) {
            Run run = runflow.runs().create(FluxProUltra.input("observed"));
            runflow.runs().get(run.id());
        }

        assertThat(events)
                .containsExactly("attempt 1 POST /v1/models/{model}/runs -> 201", "attempt 1 GET /v1/runs/{id} -> 200");
    }

    @Test
    void reportsAConnectionThatCouldNotBeMade() throws IOException {
        String closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = "http://127.0.0.1:" + socket.getLocalPort();
        }

        try (RunflowClient runflow = client(closed, recorder, RunflowFeign.transport())) {
            runflow.health();
        } catch (RuntimeException expected) {
            // the outcome is the subject here; the exception is the retry tests' business
        }

        assertThat(events).first().isEqualTo("attempt 1 GET /v1/health -> connect");
        assertThat(events).contains("retry GET /v1/health after 1 (connect) in PT1S");
    }

    @Test
    void observesAClientSetByTheCustomizerToo() {
        List<String> clients = new CopyOnWriteArrayList<>();
        Client own = new Http2Client(
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build());
        FeignCustomizer customizer = builder -> builder.client((request, options) -> {
            clients.add(request.httpMethod().name());
            return own.execute(request, options);
        });

        try (RunflowClient runflow = client(server.baseUrl(), recorder, RunflowFeign.transport(customizer))) {
            runflow.health();
        }

        assertThat(clients).containsExactly("GET");
        assertThat(events).containsExactly("attempt 1 GET /v1/health -> 200");
    }

    @Test
    void anObserverThatThrowsChangesNoResult() {
        RunflowObserver throwing = new RunflowObserver() {
            @Override
            public void onHttpAttempt(HttpAttempt attempt) {
                throw new IllegalStateException("metrics backend down");
            }

            @Override
            public void onRetry(Retry retry) {
                throw new IllegalStateException("metrics backend down");
            }
        };
        server.inject(Fault.unavailable().onPath("/v1/models/"));

        try (RunflowClient runflow = client(server.baseUrl(), throwing, RunflowFeign.transport())) {
            assertThat(runflow.runs().create(FluxProUltra.input("observed")).id())
                    .isNotBlank();
        }
        assertThat(sleeper.slept).hasSize(1);
    }

    private RunflowClient client(String baseUrl, RunflowObserver observer, io.runflow.RunflowTransport transport) {
        return RunflowClient.builder()
                .apiKey(server.apiKey())
                .baseUrl(baseUrl)
                .retryPolicy(FeignTests.exactRetries())
                .sleeper(sleeper)
                .observer(observer)
                .transport(transport)
                .build();
    }
}
