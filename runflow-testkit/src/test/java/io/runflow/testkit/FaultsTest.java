package io.runflow.testkit;

import static io.runflow.testkit.Http.FLUX_RUNS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FaultsTest extends DeterministicServerTest {

    /** A client of its own, so an answer it gives up on cannot spoil the shared one's connections. */
    static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void rateLimitAppliesToTheNextNMatchingRequests() {
        server.inject(Fault.rateLimited().times(2).onPath("/v1/runs"));

        Http.Answer health = http.get("/v1/health");
        Http.Answer first = http.get("/v1/runs");
        Http.Answer second = http.get("/v1/runs/x");
        Http.Answer third = http.get("/v1/runs");

        assertThat(health.status()).isEqualTo(200);
        assertThat(first.status()).isEqualTo(429);
        assertThat(first.text())
                .isEqualTo("{\"code\":\"RATE_LIMITED\",\"message\":\"Rate limit exceeded: injected by the fake\","
                        + "\"errors\":null}");
        assertThat(first.header("Retry-After")).isNull();
        assertThat(second.status()).isEqualTo(429);
        assertThat(third.status()).isEqualTo(200);
    }

    @Test
    void statusFaultCarriesTheGivenBodyAndHeaders() {
        server.inject(Fault.unavailable().body("{\"code\":\"DOWN\"}").header("Retry-After", "3"));

        Http.Answer a = http.get("/v1/runs");

        assertThat(a.status()).isEqualTo(503);
        assertThat(a.text()).isEqualTo("{\"code\":\"DOWN\"}");
        assertThat(a.header("Retry-After")).isEqualTo("3");
    }

    @Test
    void unavailableUsesItsOwnCode() {
        server.inject(Fault.unavailable());

        assertThat(http.get("/v1/health").json().get("code").asText()).isEqualTo("SERVICE_UNAVAILABLE");
    }

    @Test
    void faultedCreateCreatesNothing() {
        server.inject(Fault.unavailable());

        http.post(FLUX_RUNS, "{\"input\":{\"prompt\":\"x\"}}");

        assertThat(server.runs()).isEmpty();
    }

    @Test
    void connectionResetGivesTheClientAnIoErrorAndAppliesNothing() {
        server.inject(Fault.connectionReset());
        HttpRequest create = http.builder(FLUX_RUNS)
                .POST(HttpRequest.BodyPublishers.ofString("{\"input\":{\"prompt\":\"x\"}}"))
                .build();

        assertThatThrownBy(() -> http.sendRaw(create)).isInstanceOf(IOException.class);
        assertThat(server.runs()).isEmpty();
        assertThat(http.get("/v1/health").status()).isEqualTo(200);
    }

    @Test
    void acceptThenDropAppliesTheCreateAndAnIdempotentRetryGetsTheSameRun() throws Exception {
        server.inject(Fault.acceptThenDrop().onPath("/v1/models/"));
        HttpRequest create = http.builder(FLUX_RUNS)
                .header("Idempotency-Key", "retry-me")
                .POST(HttpRequest.BodyPublishers.ofString("{\"input\":{\"prompt\":\"x\"}}"))
                .build();

        assertThatThrownBy(() -> http.sendRaw(create)).isInstanceOf(IOException.class);
        assertThat(server.runs()).hasSize(1);
        Http.Answer retry = http.sendRaw(create);

        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.json().get("id").asText())
                .isEqualTo(server.runs().get(0).id());
        assertThat(server.runs()).hasSize(1);
    }

    @Test
    void delayHoldsTheAnswerPastAClientTimeout() {
        server.inject(Fault.delay(Duration.ofMillis(300)));
        HttpRequest health =
                http.builder("/v1/health").timeout(Duration.ofMillis(50)).build();

        assertThatThrownBy(() -> http.sendRaw(health)).isInstanceOf(HttpTimeoutException.class);
    }

    @Test
    void htmlPageAnswersWithAProxysErrorPageAndAppliesNothing() {
        server.inject(Fault.htmlPage(502).onPath("/v1/models/"));

        Http.Answer a = http.post(FLUX_RUNS, "{\"input\":{\"prompt\":\"x\"}}");

        assertThat(a.status()).isEqualTo(502);
        assertThat(a.header("Content-Type")).isEqualTo("text/html");
        assertThat(a.text())
                .isEqualTo("<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
                        + "<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n"
                        + "</html>\r\n");
        assertThat(server.runs()).isEmpty();
    }

    @Test
    void htmlPageOfA2xxStatusStandsInForTheAnswer() {
        server.inject(Fault.htmlPage(200).body("<html>portal</html>"));

        Http.Answer a = http.get("/v1/runs");

        assertThat(a.status()).isEqualTo(200);
        assertThat(a.header("Content-Type")).isEqualTo("text/html");
        assertThat(a.text()).isEqualTo("<html>portal</html>");
    }

    @Test
    void truncatedBodyAppliesTheCreateAndCutsTheAnswerMidBody() {
        server.inject(Fault.truncatedBody().onPath("/v1/models/"));
        HttpRequest create = http.builder(FLUX_RUNS)
                .POST(HttpRequest.BodyPublishers.ofString("{\"input\":{\"prompt\":\"x\"}}"))
                .build();

        assertThatThrownBy(() -> http.sendRaw(create))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("fixed content-length");
        assertThat(server.runs()).hasSize(1);
        assertThat(http.get("/v1/health").status()).isEqualTo(200);
    }

    @Test
    void slowBodySendsTheHeadersAtOnceAndTheLastByteAfterTheDuration() throws Exception {
        Duration duration = Duration.ofMillis(300);
        server.inject(Fault.slowBody(duration).onPath("/v1/runs"));
        long start = System.nanoTime();

        HttpResponse<InputStream> response =
                HTTP.send(http.builder("/v1/runs").build(), HttpResponse.BodyHandlers.ofInputStream());
        long headers = System.nanoTime() - start;
        byte[] body;
        try (InputStream in = response.body()) {
            body = in.readAllBytes();
        }
        long whole = System.nanoTime() - start;

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(whole)).isGreaterThanOrEqualTo(duration);
        assertThat(headers).isLessThan(whole);
        assertThat(Http.MAPPER.readTree(body).has("items")).isTrue();
    }

    @Test
    void oversizedBodyPadsTheHandledAnswerToTheSizeChunked() throws Exception {
        long size = 3L * 1024 * 1024 + 7;
        server.inject(Fault.oversizedBody(size).onPath("/v1/models/"));
        HttpRequest create = http.builder(FLUX_RUNS)
                .POST(HttpRequest.BodyPublishers.ofString("{\"input\":{\"prompt\":\"x\"}}"))
                .build();

        HttpResponse<byte[]> response = HTTP.send(create, HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue("Content-Length")).isEmpty();
        assertThat(response.body()).hasSize((int) size);
        String text = new String(response.body(), StandardCharsets.UTF_8);
        assertThat(Http.MAPPER.readTree(text).get("id").asText())
                .isEqualTo(server.runs().get(0).id());
        assertThat(text.strip()).endsWith("}");
        assertThat(server.runs()).hasSize(1);
    }

    @Test
    void oversizedBodyStopsWhenTheClientGoesAway() throws Exception {
        server.inject(Fault.oversizedBody(1L << 40).onPath("/v1/runs"));

        HttpResponse<InputStream> response =
                HTTP.send(http.builder("/v1/runs").build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = response.body()) {
            assertThat(in.readNBytes(1024 * 1024)).hasSize(1024 * 1024);
        }

        assertThat(server.awaitIdle(Duration.ofSeconds(10))).isTrue();
        assertThat(http.get("/v1/health").status()).isEqualTo(200);
    }

    @Test
    void awaitIdleWaitsForADelayedRequestToBeApplied() {
        server.inject(Fault.delay(Duration.ofMillis(200)).onPath("/v1/models/"));
        HttpRequest create = http.builder(FLUX_RUNS)
                .timeout(Duration.ofMillis(50))
                .POST(HttpRequest.BodyPublishers.ofString("{\"input\":{\"prompt\":\"x\"}}"))
                .build();

        assertThatThrownBy(() -> http.sendRaw(create)).isInstanceOf(HttpTimeoutException.class);

        assertThat(server.awaitIdle(Duration.ofSeconds(10))).isTrue();
        assertThat(server.runs()).hasSize(1);
    }

    @Test
    void awaitIdleTellsWhenRequestsAreStillBeingHandled() {
        server.inject(Fault.delay(Duration.ofMillis(300)));
        Thread slow = new Thread(() -> http.get("/v1/health"));
        slow.start();
        server.takeRequest();

        assertThat(server.awaitIdle(Duration.ZERO)).isFalse();
        assertThat(server.awaitIdle(Duration.ofSeconds(10))).isTrue();
    }

    @Test
    void faultsAreValidated() {
        assertThatThrownBy(() -> Fault.status(99)).hasMessage("status must be 100..599: 99");
        assertThatThrownBy(() -> Fault.rateLimited().times(0)).hasMessage("times must be at least 1: 0");
        assertThatThrownBy(() -> Fault.connectionReset().body("{}"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("body applies only to a status fault, not to RESET");
        assertThat(Fault.rateLimited().times(2).onPath("/v1/runs"))
                .hasToString("Fault[RESPOND 429, times=2, path=/v1/runs]");
        assertThatThrownBy(() -> Fault.htmlPage(600)).hasMessage("status must be 100..599: 600");
        assertThatThrownBy(() -> Fault.slowBody(Duration.ofMillis(-1)))
                .hasMessage("duration must not be negative: PT-0.001S");
        assertThatThrownBy(() -> Fault.oversizedBody(0)).hasMessage("bytes must be at least 1: 0");
        assertThatThrownBy(() -> Fault.truncatedBody().header("A", "b"))
                .hasMessage("header applies only to a status fault, not to TRUNCATED_BODY");
        assertThatThrownBy(() -> server.awaitIdle(Duration.ofMillis(-1)))
                .hasMessage("timeout must not be negative: PT-0.001S");
        assertThat(Fault.htmlPage(503)).hasToString("Fault[RESPOND 503 text/html, times=1]");
        assertThat(Fault.slowBody(Duration.ofSeconds(2)).times(3)).hasToString("Fault[SLOW_BODY PT2S, times=3]");
        assertThat(Fault.oversizedBody(1024).onPath("/v1/runs"))
                .hasToString("Fault[OVERSIZED_BODY 1024 bytes, times=1, path=/v1/runs]");
        assertThat(Fault.truncatedBody()).hasToString("Fault[TRUNCATED_BODY, times=1]");
    }
}
