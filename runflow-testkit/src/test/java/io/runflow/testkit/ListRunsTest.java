package io.runflow.testkit;

import static io.runflow.testkit.Http.FLUX_RUNS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ListRunsTest {

    static final FakeRunflowServer server =
            FakeRunflowServer.builder().deterministic().build();
    final Http http = new Http(server);
    final List<String> ids = new ArrayList<>();

    @BeforeEach
    void fiveRuns() {
        server.reset();
        server.onNextRun(Outcome.fail());
        for (int i = 1; i <= 5; i++) {
            ids.add(http.createFlux(",\"client_ref\":\"ref-" + i + "\""));
            server.advance(Duration.ofSeconds(1));
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    List<String> idsOf(JsonNode page) {
        List<String> list = new ArrayList<>();
        page.get("items").forEach(r -> list.add(r.get("id").asText()));
        return list;
    }

    static String q(String filter) {
        return URLEncoder.encode(filter, StandardCharsets.UTF_8);
    }

    @Test
    void listsNewestFirstInTheEnvelope() {
        JsonNode page = http.get("/v1/runs").json();

        assertThat(idsOf(page)).containsExactly(ids.get(4), ids.get(3), ids.get(2), ids.get(1), ids.get(0));
        assertThat(page.get("next").isNull()).isTrue();
        assertThat(page.get("previous").isNull()).isTrue();
        assertThat(page.get("first").isTextual()).isTrue();
    }

    @Test
    void pagesForwardAndBackWithTheCursors() {
        JsonNode first = http.get("/v1/runs?limit=2").json();
        JsonNode second =
                http.get("/v1/runs?limit=2&pq=" + first.get("next").asText()).json();
        JsonNode third =
                http.get("/v1/runs?limit=2&pq=" + second.get("next").asText()).json();
        JsonNode back = http.get("/v1/runs?limit=2&pq=" + third.get("previous").asText())
                .json();

        assertThat(idsOf(first)).containsExactly(ids.get(4), ids.get(3));
        assertThat(idsOf(second)).containsExactly(ids.get(2), ids.get(1));
        assertThat(idsOf(third)).containsExactly(ids.get(0));
        assertThat(third.get("next").isNull()).isTrue();
        assertThat(idsOf(back)).isEqualTo(idsOf(second));
        assertThat(idsOf(http.get("/v1/runs?limit=2&pq=" + first.get("first").asText())
                        .json()))
                .isEqualTo(idsOf(first));
    }

    @Test
    void sortsOldestFirstOnRequest() {
        JsonNode page = http.get("/v1/runs?sort_by=created_at:asc&limit=3").json();

        assertThat(idsOf(page)).containsExactly(ids.get(0), ids.get(1), ids.get(2));
    }

    @Test
    void filtersByStatusCode() {
        JsonNode page = http.get("/v1/runs?q=" + q("status_code:failed")).json();

        assertThat(idsOf(page)).containsExactly(ids.get(0));
    }

    @Test
    void filtersByClientRefWithTheEqOperator() {
        JsonNode page = http.get("/v1/runs?q=" + q("client_ref.EQ:'ref-3'")).json();

        assertThat(idsOf(page)).containsExactly(ids.get(2));
    }

    @Test
    void combinesClausesWithAnd() {
        JsonNode page = http.get("/v1/runs?q=" + q("status_code=succeeded AND client_ref:ref-1"))
                .json();

        assertThat(idsOf(page)).isEmpty();
    }

    @Test
    void rejectsAnUnsupportedFilter() {
        Http.Answer a = http.get("/v1/runs?q=" + q("created_at>2026-01-01"));

        assertThat(a.status()).isEqualTo(422);
        assertThat(a.json().get("errors").toString())
                .isEqualTo("[{\"field\":\"q\",\"message\":\"unsupported filter 'created_at>2026-01-01'; "
                        + "the fake supports status_code and client_ref\"}]");
    }

    @Test
    void rejectsALimitOutsideOneTo500() {
        assertThat(http.get("/v1/runs?limit=0").status()).isEqualTo(422);
        assertThat(http.get("/v1/runs?limit=501").status()).isEqualTo(422);
        assertThat(http.get("/v1/runs?limit=500").status()).isEqualTo(200);
        assertThat(http.get("/v1/runs?limit=1").json().get("items")).hasSize(1);
    }

    @Test
    void rejectsAnUnknownSortAndAForeignCursor() {
        assertThat(http.get("/v1/runs?sort_by=cost:asc")
                        .json()
                        .at("/errors/0/field")
                        .asText())
                .isEqualTo("sort_by");
        assertThat(http.get("/v1/runs?pq=garbage").json().at("/errors/0/field").asText())
                .isEqualTo("pq");
    }

    @Test
    void newRunsDoNotShiftAPageAlreadyStarted() {
        JsonNode first = http.get("/v1/runs?limit=2").json();
        http.post(FLUX_RUNS, "{\"input\":{\"prompt\":\"late\"}}");

        JsonNode second =
                http.get("/v1/runs?limit=2&pq=" + first.get("next").asText()).json();

        assertThat(idsOf(second)).containsExactly(ids.get(2), ids.get(1));
    }
}
