package io.runflow.feign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import feign.Request;
import feign.RequestInterceptor;
import feign.Response;
import io.runflow.PollPolicy;
import io.runflow.RetryPolicy;
import io.runflow.RunflowObserver;
import io.runflow.RunflowOptions;
import io.runflow.Sleeper;
import io.runflow.catalog.FluxProUltra;
import io.runflow.model.ListQuery;
import io.runflow.model.RunRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The exact request line on the wire, seen by a client put in through the {@link FeignCustomizer}
 * hook (the fake server decodes paths before recording them, so it cannot tell {@code /} from
 * {@code %2F}).
 */
class RunflowFeignRequestLineTest {

    static final String RUN = "{\"id\":\"r-1\",\"status_code\":\"queued\"}";
    static final String MODEL = "{\"id\":\"m-1\",\"name\":\"M\"}";
    static final String PAGE = "{\"items\":[]}";

    final List<Request> sent = new CopyOnWriteArrayList<>();

    private RunflowFeign answering(String body) {
        return answering(body, template -> template.header("X-Extra", "1"));
    }

    /** A client whose every request is recorded and answered 200 with {@code body}. */
    private RunflowFeign answering(String body, RequestInterceptor interceptor) {
        return RunflowFeign.create(
                options(),
                feign -> feign.client((request, timeouts) -> {
                            sent.add(request);
                            return Response.builder()
                                    .status(200)
                                    .reason("OK")
                                    .request(request)
                                    .headers(Map.of())
                                    .body(body, StandardCharsets.UTF_8)
                                    .build();
                        })
                        .requestInterceptor(interceptor));
    }

    private static RunflowOptions options() {
        return RunflowOptions.builder()
                .apiKey("rf_live_key")
                .baseUrl(URI.create("https://api.runflow.test"))
                .connectTimeout(Duration.ofSeconds(1))
                .readTimeout(Duration.ofSeconds(1))
                .retryPolicy(RetryPolicy.none())
                .pollPolicy(PollPolicy.defaults())
                .clock(Clock.systemUTC())
                .sleeper(Sleeper.system())
                .userAgent("runflow-java/test")
                .observer(RunflowObserver.noop())
                .build();
    }

    private String path() {
        return sent.get(sent.size() - 1).url().substring("https://api.runflow.test".length());
    }

    @Test
    void modelPathKeepsItsSeparatorsAndEncodesEachSegment() {
        try (RunflowFeign api = answering(RUN)) {
            api.createRun(FeignTests.keyed(FluxProUltra.input("x").toRequest()));
            assertThat(path()).isEqualTo("/v1/models/black-forest-labs/flux-1-1-pro-ultra/runs");

            api.createRun(FeignTests.keyed(RunRequest.of("acme/my model/v 2", Map.of("prompt", "x"))));
            assertThat(path()).isEqualTo("/v1/models/acme/my%20model/v%202/runs");

            api.createRun(FeignTests.keyed(RunRequest.of("acme/100%/ü", Map.of("prompt", "x"))));
            assertThat(path()).isEqualTo("/v1/models/acme/100%25/%C3%BC/runs");
        }
        try (RunflowFeign api = answering(MODEL)) {
            api.getModel("black-forest-labs/flux-pro/kontext");
            assertThat(path()).isEqualTo("/v1/models/black-forest-labs/flux-pro/kontext");
        }
    }

    @Test
    void idsAreOneSegmentEach() {
        try (RunflowFeign api = answering(RUN)) {
            api.getRun("0190f3a2-7c1e-7b3a-9d2e-5f4c3b2a1908");
            assertThat(path()).isEqualTo("/v1/runs/0190f3a2-7c1e-7b3a-9d2e-5f4c3b2a1908");

            api.getRun("a/b c");
            assertThat(path()).isEqualTo("/v1/runs/a%2Fb%20c");
        }
    }

    @Test
    void invalidIdsAreRejectedBeforeAnyRequest() {
        try (RunflowFeign api = answering(RUN)) {
            assertThatThrownBy(() -> api.createRun(FeignTests.keyed(RunRequest.of("acme/../x", Map.of("p", 1)))))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> api.getModel("acme//x")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> api.getRun(" ")).hasMessage("runId must not be blank");
            assertThatThrownBy(() -> api.getRun(null)).hasMessage("runId");
        }
        assertThat(sent).isEmpty();
    }

    @Test
    void queryParametersAreEncoded() {
        try (RunflowFeign api = answering(PAGE)) {
            api.listRuns(ListQuery.builder()
                    .clientRef("order 1")
                    .status(io.runflow.model.RunStatus.SUCCEEDED)
                    .cursor("c/1=")
                    .fromPrev(true)
                    .build());

            assertThat(path())
                    .isEqualTo("/v1/runs?q=client_ref.EQ%3A%27order%201%27%20AND%20status_code%3Asucceeded"
                            + "&pq=c%2F1%3D&from_prev=true");
        }
    }

    @Test
    void customizerKeepsTheSdkHeadersAndAddsItsOwn() {
        try (RunflowFeign api = answering(RUN)) {
            api.createRun(FluxProUltra.input("x").toRequest().withIdempotencyKey("k-1"));
        }

        Map<String, ? extends java.util.Collection<String>> headers =
                sent.get(0).headers();
        assertThat(headers.get("Authorization")).containsExactly("Bearer rf_live_key");
        assertThat(headers.get("Idempotency-Key")).containsExactly("k-1");
        assertThat(headers.get("Content-Type")).containsExactly("application/json");
        assertThat(headers.get("Accept")).containsExactly("application/json");
        assertThat(headers.get("User-Agent")).containsExactly("runflow-java/test");
        assertThat(headers.get("X-Extra")).containsExactly("1");
        assertThat(headers).doesNotContainKey("X-Organization-Id");
    }

    @Test
    void onlyARequestWithABodyIsLabelledJson() {
        try (RunflowFeign api = answering(RUN)) {
            api.getRun("r-1");
            api.createRun(FeignTests.keyed(FluxProUltra.input("x").toRequest()));
        }

        assertThat(sent.get(0).headers()).doesNotContainKey("Content-Type");
        assertThat(sent.get(1).headers().get("Content-Type")).containsExactly("application/json");
    }

    @Test
    void aContentTypeSetByTheCustomizerIsKept() {
        try (RunflowFeign api =
                answering(RUN, template -> template.header("Content-Type", "application/json; charset=UTF-8"))) {
            api.createRun(FeignTests.keyed(FluxProUltra.input("x").toRequest()));
        }

        assertThat(sent.get(0).headers().get("Content-Type")).containsExactly("application/json; charset=UTF-8");
    }

    @Test
    void timeoutsLongerThanFeignCanHoldAreCappedInsteadOfFailingEveryCall() {
        assertThat(RunflowFeign.feignMillis(Duration.ofDays(30))).isEqualTo(Duration.ofMillis(Integer.MAX_VALUE));
        assertThat(RunflowFeign.feignMillis(Duration.ofSeconds(60))).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void bothSchemesUseHttp11AsTheDesignAsks() {
        try (RunflowFeign tls = answering(RUN);
                RunflowFeign plain = RunflowFeign.create(RunflowOptions.builder()
                        .apiKey("rf_live_key")
                        .baseUrl(URI.create("http://127.0.0.1:1"))
                        .connectTimeout(Duration.ofSeconds(1))
                        .readTimeout(Duration.ofSeconds(1))
                        .retryPolicy(RetryPolicy.none())
                        .pollPolicy(PollPolicy.defaults())
                        .clock(Clock.systemUTC())
                        .sleeper(Sleeper.system())
                        .userAgent("runflow-java/test")
                        .observer(RunflowObserver.noop())
                        .build())) {
            assertThat(tls).hasToString("RunflowFeign[HTTP_1_1]");
            assertThat(plain).hasToString("RunflowFeign[HTTP_1_1]");
        }
    }

    @Test
    void aCreateWithoutAKeyIsRejectedBeforeAnyRequestSinceCoreDecidesKeys() {
        try (RunflowFeign api = answering(RUN)) {
            assertThatThrownBy(() -> api.createRun(FluxProUltra.input("x").toRequest()))
                    .isExactlyInstanceOf(NullPointerException.class)
                    .hasMessage(
                            "request.idempotencyKey() is required: core's services set one per call (see RunflowApi)");
            assertThatThrownBy(() -> api.redeliverCallback("r-1", null))
                    .isExactlyInstanceOf(NullPointerException.class)
                    .hasMessage("idempotencyKey is required: core's services set one per call (see RunflowApi)");
        }
        assertThat(sent).isEmpty();
    }

    @Test
    void theCallersKeyIsSentAsItIs() {
        try (RunflowFeign api = answering(RUN)) {
            api.cancelRun("r-1", null, "cancel-1");
        }

        assertThat(sent.get(0).headers().get("Idempotency-Key")).containsExactly("cancel-1");
    }
}
