package io.runflow.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.tracing.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.runflow.RunflowClient;
import io.runflow.catalog.FluxProUltra;
import io.runflow.model.Run;
import io.runflow.testkit.FakeRunflowServer;
import io.runflow.testkit.RecordedRequest;
import io.runflow.testkit.spring.EnableRunflowFake;
import io.runflow.webhook.RunCallback;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * One trace from the application's request that creates a run to the callback that ends it: Spring
 * Boot with micrometer-tracing-bridge-otel, OpenTelemetry's in-memory exporter, and the fake on
 * loopback delivering the callback to the application's own webhook.
 */
@SpringBootTest(
        classes = TracingEndToEndTest.App.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.main.web-application-type=servlet", "management.tracing.sampling.probability=1.0"})
@EnableRunflowFake
class TracingEndToEndTest {

    static final InMemorySpanExporter SPANS = InMemorySpanExporter.create();

    @SpringBootConfiguration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    @Import(Images.class)
    static class App {

        /**
         * W3C propagation, as an application's own context has it: Spring Boot's tests switch tracing
         * off unless annotated, with an annotation each Boot line names differently, and the switched-off
         * context propagates nothing. A propagator bean of the application's keeps one test for both.
         */
        @Bean
        TextMapPropagator w3c() {
            return W3CTraceContextPropagator.getInstance();
        }

        /** Exports each span as it ends, so the test need not wait for a batch. */
        @Bean
        SpanProcessor inMemorySpans() {
            return SimpleSpanProcessor.create(SPANS);
        }
    }

    /** The application: an endpoint that creates a run, and a listener of its callback. */
    @RestController
    static class Images {
        final BlockingQueue<String> listenedIn = new LinkedBlockingQueue<>();
        private final RunflowClient runflow;
        private final Tracer tracer;

        Images(RunflowClient runflow, Tracer tracer) {
            this.runflow = runflow;
            this.tracer = tracer;
        }

        @PostMapping("/images")
        String create(@RequestParam("callbackUrl") String callbackUrl) {
            Run run = runflow.runs()
                    .create(FluxProUltra.input("a fox").toRequest().withCallbackUrl(callbackUrl));
            runflow.runs().await(run);
            return tracer.currentSpan().context().traceId();
        }

        @EventListener
        void on(RunCallback callback) {
            listenedIn.add(tracer.currentSpan().context().traceId());
        }
    }

    private final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    FakeRunflowServer fake;

    @Autowired
    Images images;

    @Value("${local.server.port}")
    int port;

    @Test
    void theCallbackContinuesTheTraceOfTheRequestThatCreatedTheRun() throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(url("/images?callbackUrl=" + url("/runflow/webhook"))))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        String traceId = response.body();

        RecordedRequest create = fake.requests().stream()
                .filter(request ->
                        request.method().equals("POST") && request.path().endsWith("/runs"))
                .findFirst()
                .orElseThrow();
        assertThat(create.header("traceparent"))
                .hasValueSatisfying(traceparent -> assertThat(traceparent).startsWith("00-" + traceId + "-"));
        assertThat(create.bodyAsString()).contains("\"_runflow_trace\":{\"traceparent\":\"00-" + traceId + "-");

        assertThat(images.listenedIn.poll(10, TimeUnit.SECONDS)).isEqualTo(traceId);
        eventually(() -> spans("runflow webhook").stream().anyMatch(span -> traceId.equals(span.getTraceId())));
        assertThat(spans("generate_content")).extracting(SpanData::getTraceId).contains(traceId);
        assertThat(spans("POST /v1/models/{model}/runs"))
                .extracting(SpanData::getTraceId)
                .contains(traceId);
    }

    @Test
    void aForgedCallbackCarryingAnotherTracesContextJoinsNoTrace() throws Exception {
        String foreign = "4bf92f3577b34da6a3ce929d0e0e4736";
        byte[] body = ("{\"event\":\"run.completed\",\"run_id\":\"run-forged\",\"status\":\"succeeded\","
                        + "\"metadata\":{\"_runflow_trace\":{\"traceparent\":\"00-" + foreign
                        + "-00f067aa0ba902b7-01\"}}}")
                .getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(url("/runflow/webhook")))
                        .header("Content-Type", "application/json")
                        .header("Runflow-Signature", "t=1,v1=" + "0".repeat(64))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
        eventually(() -> spans("runflow webhook").stream()
                .anyMatch(span -> "unauthorized"
                        .equals(span.getAttributes().asMap().entrySet().stream()
                                .filter(attribute -> attribute.getKey().getKey().equals("outcome"))
                                .map(Map.Entry::getValue)
                                .findFirst()
                                .orElse(null))));
        assertThat(SPANS.getFinishedSpanItems())
                .extracting(SpanData::getTraceId)
                .doesNotContain(foreign);
    }

    private static List<SpanData> spans(String nameContaining) {
        return SPANS.getFinishedSpanItems().stream()
                .filter(span -> span.getName().contains(nameContaining))
                .toList();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** Waits for what the fake and the server do on their own threads (the delivery), not for a delay. */
    private static void eventually(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 10 s; spans: " + SPANS.getFinishedSpanItems());
            }
            Thread.sleep(5);
        }
    }
}
