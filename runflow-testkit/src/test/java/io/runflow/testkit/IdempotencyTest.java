package io.runflow.testkit;

import static io.runflow.testkit.Http.FLUX_RUNS;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdempotencyTest extends DeterministicServerTest {

    @Test
    void sameKeyAndSameBodyReplaysTheSameRun() {
        Http.Answer first = http.post(FLUX_RUNS, "{\"input\":{\"prompt\":\"x\"}}", "Idempotency-Key", "k-1");
        Http.Answer again = http.post(FLUX_RUNS, "{ \"input\" : { \"prompt\" : \"x\" } }", "Idempotency-Key", "k-1");

        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json().get("id")).isEqualTo(first.json().get("id"));
        assertThat(server.runs()).hasSize(1);
        assertThat(server.runs().get(0).idempotencyKey()).isEqualTo("k-1");
    }

    @Test
    void sameKeyWithAnotherBodyIsConflict() {
        http.post(FLUX_RUNS, "{\"input\":{\"prompt\":\"x\"}}", "Idempotency-Key", "k-1");

        Http.Answer other = http.post(FLUX_RUNS, "{\"input\":{\"prompt\":\"y\"}}", "Idempotency-Key", "k-1");

        assertThat(other.status()).isEqualTo(409);
        assertThat(other.text())
                .isEqualTo("{\"code\":\"CONFLICT\",\"message\":\"Idempotency-Key was already used with a different "
                        + "request body\",\"errors\":null}");
        assertThat(server.runs()).hasSize(1);
    }

    @Test
    void withoutAKeyEveryCreateMakesARun() {
        http.post(FLUX_RUNS, "{\"input\":{\"prompt\":\"x\"}}");
        http.post(FLUX_RUNS, "{\"input\":{\"prompt\":\"x\"}}");

        assertThat(server.runs()).hasSize(2);
    }

    @Test
    void differentKeysMakeDifferentRuns() {
        http.post(FLUX_RUNS, "{\"input\":{\"prompt\":\"x\"}}", "Idempotency-Key", "k-1");
        http.post(FLUX_RUNS, "{\"input\":{\"prompt\":\"x\"}}", "Idempotency-Key", "k-2");

        assertThat(server.runs()).hasSize(2);
    }
}
