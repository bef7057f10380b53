package io.runflow.testkit;

import static io.runflow.testkit.Http.FLUX_RUNS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FaultsTest extends DeterministicServerTest {

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
    void faultsAreValidated() {
        assertThatThrownBy(() -> Fault.status(99)).hasMessage("status must be 100..599: 99");
        assertThatThrownBy(() -> Fault.rateLimited().times(0)).hasMessage("times must be at least 1: 0");
        assertThatThrownBy(() -> Fault.connectionReset().body("{}"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("body applies only to a status fault, not to RESET");
        assertThat(Fault.rateLimited().times(2).onPath("/v1/runs"))
                .hasToString("Fault[RESPOND 429, times=2, path=/v1/runs]");
    }
}
