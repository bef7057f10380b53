package io.runflow.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BuildersTest {

    private static final OffsetDateTime CREATED = OffsetDateTime.parse("2026-05-06T10:00:00Z");
    private static final JsonValue INPUT = JsonValue.object(Map.of("prompt", "a fox"));
    private static final JsonValue METADATA = JsonValue.object(Map.of("order_id", "A-1"));
    private static final JsonValue RAW = JsonValue.parse("{\"id\":\"run_1\",\"status_code\":\"succeeded\"}");

    private static Run fullRun() {
        return Run.builder()
                .id("run_1")
                .status(RunStatus.SUCCEEDED)
                .statusCode("succeeded")
                .modelId("m/x")
                .targetType("model")
                .orgId("org_1")
                .input(INPUT)
                .output(new RunOutput(List.of(OutputFile.of("https://cdn/1.png", "image")), 7L, null, false, null))
                .cost(new BigDecimal("0.06"))
                .duration(Duration.ofMillis(1500))
                .clientRef("ref-1")
                .callbackUrl("https://example.com/hook")
                .metadata(METADATA)
                .batchId("bat_1")
                .requestId("req_1")
                .createdAt(CREATED)
                .startedAt(CREATED.plusSeconds(1))
                .completedAt(CREATED.plusSeconds(2))
                .failure(null)
                .raw(RAW)
                .build();
    }

    @Test
    void aRunBuiltFromItsOwnBuilderEqualsItself() {
        Run run = fullRun();
        Run copy = run.toBuilder().build();

        assertThat(copy).isEqualTo(run).hasSameHashCodeAs(run).isNotSameAs(run);
        assertThat(copy.toString()).isEqualTo("Run[id=run_1, status=succeeded]");
    }

    @Test
    void toBuilderChangesOnlyWhatIsSet() {
        Run run = fullRun();
        Run canceled = run.toBuilder()
                .status(RunStatus.CANCELED)
                .statusCode("canceled")
                .build();

        assertThat(canceled.status()).isEqualTo(RunStatus.CANCELED);
        assertThat(canceled).isNotEqualTo(run);
        assertThat(canceled.id()).isEqualTo("run_1");
        assertThat(canceled.cost()).isEqualTo(new BigDecimal("0.06"));
        assertThat(canceled.input()).isSameAs(run.input());
        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
    }

    @Test
    void accessorsReturnTheSameInstancesEveryTime() {
        Run run = fullRun();

        assertThat(run.input()).isSameAs(INPUT).isSameAs(run.input());
        assertThat(run.metadata()).isSameAs(METADATA).isSameAs(run.metadata());
        assertThat(run.raw()).isSameAs(RAW).isSameAs(run.raw());
        assertThat(run.output()).isSameAs(run.output());
    }

    @Test
    void aBuilderChangedAfterBuildDoesNotChangeTheValue() {
        Run.Builder builder = fullRun().toBuilder();
        Run first = builder.build();
        builder.id("run_2");

        assertThat(first.id()).isEqualTo("run_1");
        assertThat(builder.build().id()).isEqualTo("run_2");
    }

    @Test
    void requiredValuesAreCheckedByBuildAndNullsRejectedBySetters() {
        // A list read with a fields projection may leave out the id: only the status is required.
        assertThat(Run.builder().status(RunStatus.QUEUED).build().id()).isNull();
        assertThatThrownBy(() -> Run.builder().id("run_1").build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("status is required");
        assertThatThrownBy(() -> Run.builder().id(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("id");
    }

    @Test
    void absentJsonIsJsonNullNeverJavaNull() {
        Run run = Run.builder().id("run_1").status(RunStatus.QUEUED).input(null).build();

        assertThat(run.input()).isSameAs(JsonValue.JsonNull.INSTANCE);
        assertThat(run.metadata()).isSameAs(JsonValue.JsonNull.INSTANCE);
        assertThat(run.raw()).isSameAs(JsonValue.JsonNull.INSTANCE);
    }

    @Test
    void aBatchCopiesItsItemsAndRoundTripsThroughItsBuilder() {
        List<BatchItem> items = new ArrayList<>(List.of(BatchItem.builder()
                .id("item_1")
                .status(RunStatus.QUEUED)
                .sequenceIndex(0)
                .build()));
        Batch batch = Batch.builder()
                .id("bat_1")
                .status(RunStatus.RUNNING)
                .statusCode("running")
                .itemsTotal(2)
                .itemsSucceeded(1)
                .items(items)
                .metadata(METADATA)
                .build();
        items.clear();

        assertThat(batch.items()).hasSize(1);
        assertThat(batch.itemsPending()).isEqualTo(1);
        assertThat(batch.metadata()).isSameAs(METADATA);
        assertThat(batch.output()).isSameAs(JsonValue.JsonNull.INSTANCE);
        assertThat(batch.toBuilder().build()).isEqualTo(batch).hasSameHashCodeAs(batch);
        assertThat(batch.toString()).isEqualTo("Batch[id=bat_1, status=running, items=1/0/0 of 2]");
    }

    @Test
    void aCallbackSecretHidesItsSecretAndRoundTrips() {
        CallbackSecret secret = CallbackSecret.builder()
                .id("cs_1")
                .keyPrefix("whsec_ab")
                .current(true)
                .plainSecret("whsec_abcdef")
                .build();

        assertThat(secret.toString()).doesNotContain("whsec_abcdef").contains("plainSecret=***");
        assertThat(secret.toBuilder().build()).isEqualTo(secret);
        assertThat(secret.toBuilder().plainSecret(null).build()).isNotEqualTo(secret);
        assertThat(secret.secret()).contains("whsec_abcdef");
    }

    @Test
    void modelDefinitionsCompareByValue() {
        ModelInputDefinition prompt = ModelInputDefinition.builder()
                .name("prompt")
                .type("string")
                .required(true)
                .defaultValue(new JsonValue.JsonString("a fox"))
                .build();
        Model model = Model.builder().id("mdl_1").inputs(List.of(prompt)).build();

        assertThat(prompt.toBuilder().build()).isEqualTo(prompt);
        assertThat(prompt.hasDefault()).isTrue();
        assertThat(model.requiredInputs()).containsExactly("prompt");
        assertThat(model.toBuilder().build()).isEqualTo(model);
        assertThatThrownBy(() -> ModelInputDefinition.builder().build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("name is required");
    }
}
