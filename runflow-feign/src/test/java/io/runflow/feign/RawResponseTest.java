package io.runflow.feign;

import static org.assertj.core.api.Assertions.assertThat;

import io.runflow.RawResponse;
import io.runflow.RunflowClient;
import io.runflow.catalog.FluxProUltra;
import io.runflow.model.Balance;
import io.runflow.model.ListQuery;
import io.runflow.model.Page;
import io.runflow.model.Run;
import io.runflow.testkit.FakeRunflowServer;
import io.runflow.testkit.RecordedRequest;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each service's {@code withRawResponse()} against the fake: status, headers, request id, body. */
class RawResponseTest {

    static final FakeRunflowServer server =
            FakeRunflowServer.builder().deterministic().build();

    RunflowClient runflow;

    @BeforeEach
    void start() {
        runflow = server.clientBuilder().build();
    }

    @AfterEach
    void reset() {
        runflow.close();
        server.reset();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static RecordedRequest last() {
        List<RecordedRequest> all = server.requests();
        return all.get(all.size() - 1);
    }

    @Test
    void getCarriesTheFakesRequestId() {
        Run run = runflow.runs().create(FluxProUltra.input("a fox"));

        RawResponse<Run> raw = runflow.runs().withRawResponse().get(run.id());

        assertThat(raw.requestId()).contains("req_" + last().sequence());
        assertThat(raw.status()).isEqualTo(200);
        assertThat(raw.parse().id()).isEqualTo(run.id());
        assertThat(raw.header("RUNFLOW-REQUEST-ID")).isEqualTo(raw.requestId());
        assertThat(raw.headers()).containsKey("content-type");
    }

    @Test
    void createAnswers201WithTheRun() {
        RawResponse<Run> raw = runflow.runs().withRawResponse().create(FluxProUltra.input("a fox"));

        assertThat(raw.status()).isEqualTo(201);
        assertThat(raw.parse().id()).isNotBlank();
        assertThat(last().header("Idempotency-Key")).isPresent();
    }

    @Test
    void listReadsOnePage() {
        runflow.runs().create(FluxProUltra.input("a fox"));

        RawResponse<Page<Run>> raw = runflow.runs().withRawResponse().list(ListQuery.all());

        assertThat(raw.parse().items()).hasSize(1);
        assertThat(raw.requestId()).contains("req_" + last().sequence());
    }

    @Test
    void everyServiceHasTheView() {
        RawResponse<Balance> balance = runflow.account().withRawResponse().balance();

        assertThat(balance.status()).isEqualTo(200);
        assertThat(runflow.models()
                        .withRawResponse()
                        .list(ListQuery.all())
                        .parse()
                        .items())
                .isNotEmpty();
        assertThat(runflow.assets().withRawResponse().types().parse()).isNotEmpty();
        assertThat(runflow.callbackSecrets().withRawResponse().create("ci").status())
                .isEqualTo(201);
    }

    @Test
    void aViewsRawResponseCarriesTheViewsHeader() {
        Run run = runflow.runs().create(FluxProUltra.input("a fox"));

        RawResponse<Run> raw = runflow.withOptions(o -> o.header("X-Trace", "t3"))
                .runs()
                .withRawResponse()
                .get(run.id());

        assertThat(raw.requestId()).contains("req_" + last().sequence());
        assertThat(last().header("X-Trace")).contains("t3");
    }
}
