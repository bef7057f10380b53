package io.runflow.feign;

import static io.runflow.feign.FeignTests.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runflow.RunflowClient;
import io.runflow.catalog.FluxProUltra;
import io.runflow.errors.NotFoundException;
import io.runflow.errors.RunFailedException;
import io.runflow.model.Balance;
import io.runflow.model.ListQuery;
import io.runflow.model.Me;
import io.runflow.model.Model;
import io.runflow.model.ModelInputDefinition;
import io.runflow.model.Run;
import io.runflow.model.RunLog;
import io.runflow.model.RunStatus;
import io.runflow.model.RunStatusDefinition;
import io.runflow.testkit.FakeModel;
import io.runflow.testkit.FakeRunflowServer;
import io.runflow.testkit.Outcome;
import io.runflow.testkit.RecordedRequest;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Account, run logs and statuses, model definitions, partial success: through Feign against the fake. */
class AccountAndRunDetailsTest {

    static final FakeRunflowServer server =
            FakeRunflowServer.builder().deterministic().build();
    static final RunflowClient runflow = server.clientBuilder().build();

    @AfterEach
    void reset() {
        server.reset();
    }

    @AfterAll
    static void stop() {
        runflow.close();
        server.close();
    }

    private static RecordedRequest last() {
        List<RecordedRequest> all = server.requests();
        return all.get(all.size() - 1);
    }

    @Test
    void aCreateTheBalanceCannotPayForIsInsufficientCredit() {
        server.setBalance(new java.math.BigDecimal("0.05"));

        io.runflow.errors.InsufficientCreditException e = org.assertj.core.api.Assertions.catchThrowableOfType(
                io.runflow.errors.InsufficientCreditException.class,
                () -> runflow.runs().create(io.runflow.catalog.FluxProUltra.input("too dear")));

        assertThat(e.status()).isEqualTo(402);
        assertThat(e.code()).isEqualTo("INSUFFICIENT_CREDIT");
        assertThat(e.getMessage())
                .startsWith("402 INSUFFICIENT_CREDIT: Insufficient credit: the balance is $0.05 and this costs $0.06");
        assertThat(server.runs()).isEmpty();
    }

    @Test
    void aCreateTheBalanceJustCoversIsAccepted() {
        server.setBalance(new java.math.BigDecimal("0.06"));

        assertThat(runflow.runs()
                        .create(io.runflow.catalog.FluxProUltra.input("just enough"))
                        .id())
                .isNotBlank();
    }

    @Test
    void meEmbedsMembershipsAndOrganizations() {
        Me me = runflow.account().me();

        assertThat(last().method()).isEqualTo("GET");
        assertThat(last().path()).isEqualTo("/v1/auth/me");
        assertThat(last().query()).isIn("embed=memberships,organizations", "embed=memberships%2Corganizations");
        assertThat(me.email()).isEqualTo("developer@example.com");
        assertThat(me.emailVerifiedAt()).isNotNull();
        assertThat(me.memberships()).singleElement().satisfies(m -> {
            assertThat(m.organization().slug()).isEqualTo("fake-org");
            assertThat(m.roleCode()).isEqualTo("owner");
            assertThat(m.scopes()).contains("runs:write");
        });
        assertThat(me.organizations())
                .singleElement()
                .satisfies(o -> assertThat(o.name()).isEqualTo("Fake Org"));
    }

    @Test
    void balanceIsAnExactDecimalThatSucceededRunsDebitAndFailedOnesDoNot() {
        assertThat(runflow.account().balance().balance()).isEqualTo(new BigDecimal("100.00"));

        runflow.runs().run(FluxProUltra.input("billed"));
        server.onNextRun(Outcome.fail());
        assertThatThrownBy(() -> runflow.runs().run(FluxProUltra.input("not billed")))
                .isInstanceOf(RunFailedException.class);

        Balance balance = runflow.account().balance();
        assertThat(last().target()).isEqualTo("/v1/billing/balance");
        assertThat(balance.balance()).isEqualTo(new BigDecimal("99.94"));
        assertThat(balance.lowBalanceThreshold()).isNull();
        assertThat(balance.isLow()).isFalse();
    }

    @Test
    void thresholdUpdatePatchesOnlyTheThresholdAsADecimalString() {
        Balance balance = runflow.account().updateLowBalanceThreshold(new BigDecimal("112.50"));

        RecordedRequest sent = last();
        assertThat(sent.method()).isEqualTo("PATCH");
        assertThat(sent.target()).isEqualTo("/v1/billing/balance");
        assertThat(sent.header("Content-Type")).contains("application/json");
        assertThat(json(sent)).isEqualTo(json("{\"low_balance_threshold\":\"112.50\"}"));
        assertThat(balance.lowBalanceThreshold()).isEqualTo(new BigDecimal("112.50"));
        assertThat(balance.isLow()).isTrue();
        assertThatThrownBy(() -> runflow.account().updateLowBalanceThreshold(new BigDecimal("-1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("threshold must not be negative, got -1");
    }

    @Test
    void logsOfAFailedRunArePagedFilteredAndTellWhy() {
        server.onNextRun(Outcome.fail("INPUT_VALIDATION_FAILED", "preprocess", "image too large"));
        Run failed = runflow.runs().create(FluxProUltra.input("a fox"));
        assertThatThrownBy(() -> runflow.runs().await(failed)).isInstanceOf(RunFailedException.class);
        int before = server.requests().size();

        List<RunLog> logs = runflow
                .runs()
                .logs(failed.id(), ListQuery.builder().limit(2).build())
                .stream()
                .toList();
        List<RunLog> errors =
                runflow
                        .runs()
                        .logs(
                                failed.id(),
                                ListQuery.builder().filter("level_code:error").build())
                        .stream()
                        .toList();

        List<RecordedRequest> pages =
                server.requests().subList(before, server.requests().size() - 1);
        assertThat(pages).hasSize(2);
        assertThat(pages.get(0).target()).isEqualTo("/v1/runs/" + failed.id() + "/logs?limit=2");
        assertThat(pages.get(1).query()).startsWith("limit=2&pq=");
        assertThat(logs)
                .extracting(RunLog::message)
                .containsExactly(
                        "run queued",
                        "run dispatching",
                        "run running",
                        "INPUT_VALIDATION_FAILED at preprocess: image too large");
        assertThat(logs).allSatisfy(log -> {
            assertThat(log.runId()).isEqualTo(failed.id());
            assertThat(log.timestamp()).isNotNull();
        });
        assertThat(errors).singleElement().satisfies(log -> {
            assertThat(log.level()).isEqualTo("error");
            assertThat(log.meta().path("status_code").asString().orElseThrow()).isEqualTo("failed");
        });
        assertThat(runflow.runs()
                        .get(failed.id())
                        .raw()
                        .path("has_logs")
                        .asBoolean()
                        .orElseThrow())
                .isTrue();
        assertThatThrownBy(() -> runflow.runs().logs("no-such-run").firstPage()).isInstanceOf(NotFoundException.class);
    }

    @Test
    void statusesListEveryStatusWithWhetherItIsTerminal() {
        List<RunStatusDefinition> statuses = runflow.runs().statuses();

        assertThat(last().target()).isEqualTo("/v1/runs/statuses");
        assertThat(statuses)
                .extracting(RunStatusDefinition::status)
                .containsExactly(
                        RunStatus.QUEUED,
                        RunStatus.DISPATCHING,
                        RunStatus.RUNNING,
                        RunStatus.SUCCEEDED,
                        RunStatus.FAILED,
                        RunStatus.CANCELED,
                        RunStatus.PARTIAL_SUCCEEDED);
        assertThat(statuses)
                .allSatisfy(s -> assertThat(s.terminal()).isEqualTo(s.status().isTerminal()));
    }

    @Test
    void aScriptedPartialSuccessEndsTheWaitWithItsOutputs() {
        server.onNextRun(Outcome.partialSucceed());

        Run run = runflow.runs().run(FluxProUltra.input("some landed"));

        assertThat(run.status()).isEqualTo(RunStatus.PARTIAL_SUCCEEDED);
        assertThat(run.output().outputs()).hasSize(1);
        assertThat(run.cost()).isEqualByComparingTo("0.06");
    }

    @Test
    void theModelListFiltersSortsAndPagesLikeEveryList() {
        List<Model> page = runflow
                .models()
                .list(ListQuery.builder().sortBy("name:desc").limit(1).build())
                .stream()
                .toList();
        List<Model> flux =
                runflow
                        .models()
                        .list(ListQuery.builder()
                                .filter("model_creator_id:black-forest-labs")
                                .build())
                        .stream()
                        .toList();

        assertThat(page)
                .extracting(Model::name)
                .containsExactly("Object Removal (prompt)", "FLUX.1 Kontext [pro]", "FLUX 1.1 [pro] Ultra");
        assertThat(server.requests())
                .filteredOn(r -> r.path().equals("/v1/models"))
                .hasSize(4); // three pages of one, then the filtered list
        assertThat(flux).extracting(Model::slug).containsExactly("flux-1-1-pro-ultra", "flux-pro/kontext");
        assertThatThrownBy(() -> runflow.models()
                        .list(ListQuery.builder().sortBy("price:asc").build())
                        .firstPage())
                .isInstanceOfSatisfying(
                        io.runflow.errors.UnprocessableEntityException.class,
                        e -> assertThat(e.errors().get(0).message())
                                .startsWith("cannot sort by 'price:asc'; use field:asc or field:desc with a field of"));
    }

    @Test
    void modelsCarryTypedInputAndOutputDefinitions() {
        Model model = runflow.models().get(FakeModel.FLUX_PRO_ULTRA);

        assertThat(model.inputs()).extracting(ModelInputDefinition::name).containsExactly("prompt", "seed");
        assertThat(model.input("prompt")).hasValueSatisfying(prompt -> {
            assertThat(prompt.type()).isEqualTo("string");
            assertThat(prompt.required()).isTrue();
            assertThat(prompt.sortOrder()).isZero();
            assertThat(prompt.hasDefault()).isFalse();
        });
        assertThat(model.input("seed")).hasValueSatisfying(seed -> {
            assertThat(seed.type()).isEqualTo("integer");
            assertThat(seed.required()).isFalse();
        });
        assertThat(model.requiredInputs()).containsExactly("prompt");
        assertThat(model.outputs()).singleElement().satisfies(out -> {
            assertThat(out.name()).isEqualTo("outputs");
            assertThat(out.type()).isEqualTo("json");
        });
    }
}
