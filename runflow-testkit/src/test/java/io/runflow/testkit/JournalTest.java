package io.runflow.testkit;

import static io.runflow.testkit.Http.FLUX_RUNS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class JournalTest extends DeterministicServerTest {

    @Test
    void takeRequestReturnsRequestsInArrivalOrder() {
        http.post(FLUX_RUNS, "{\"input\":{\"prompt\":\"x\"}}", "Idempotency-Key", "k-9");
        http.get("/v1/runs?limit=2");

        RecordedRequest create = server.takeRequest();
        RecordedRequest list = server.takeRequest();

        assertThat(create.sequence()).isEqualTo(1);
        assertThat(create.method()).isEqualTo("POST");
        assertThat(create.path()).isEqualTo(FLUX_RUNS);
        assertThat(create.bodyAsString()).isEqualTo("{\"input\":{\"prompt\":\"x\"}}");
        assertThat(create.header("idempotency-key")).contains("k-9");
        assertThat(create.receivedAt()).isEqualTo(FakeRunflowServer.DETERMINISTIC_START);
        assertThat(list.target()).isEqualTo("/v1/runs?limit=2");
        assertThat(list.toString()).isEqualTo("RecordedRequest[GET /v1/runs?limit=2]");
    }

    @Test
    void takeRequestFailsWhenNothingArrives() {
        assertThatThrownBy(() -> server.takeRequest(Duration.ofMillis(1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("no request arrived within PT0.001S");
    }

    @Test
    void requestsKeepEverythingIncludingTakenAndRefusedOnes() {
        http.withKey(null).get("/v1/runs");
        http.get("/v1/health");
        server.takeRequest();

        assertThat(server.requests()).extracting(RecordedRequest::path).containsExactly("/v1/runs", "/v1/health");
    }

    @Test
    void journalKeepsOnlyTheLatestRequestsPastItsCapacity() {
        try (FakeRunflowServer small =
                FakeRunflowServer.builder().journalCapacity(2).build()) {
            Http client = new Http(small);
            client.get("/v1/health");
            client.get("/v1/models");
            client.get("/v1/runs");

            assertThat(small.requests()).extracting(RecordedRequest::sequence).containsExactly(2L, 3L);
            assertThat(small.takeRequest().path()).isEqualTo("/v1/models");
        }
    }

    @Test
    void resetEmptiesTheJournal() {
        http.get("/v1/health");

        server.reset();

        assertThat(server.requests()).isEmpty();
    }

    @Test
    void toStringsNeverShowSecrets() {
        http.get("/v1/health");

        assertThat(server.requests().get(0).toString()).doesNotContain(server.apiKey());
        assertThat(server.toString()).isEqualTo("FakeRunflowServer[" + server.baseUrl() + "]");
    }
}
