package io.runflow.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import io.runflow.model.Batch;
import io.runflow.model.JsonValue;
import io.runflow.model.RunStatus;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class BatchCallbackTest {

    private static final String SUCCEEDED = "{\"event\":\"batch.succeeded\",\"batch_id\":\"batch-9\","
            + "\"status\":\"succeeded\",\"output\":{\"items\":[{\"id\":\"item-1\",\"run_id\":\"run-1\","
            + "\"status_code\":\"succeeded\"},{\"id\":\"item-2\",\"run_id\":\"run-2\",\"status_code\":\"failed\"},"
            + "{\"run_id\":\"no-id\"}],\"succeeded\":2,\"failed\":1,\"cancelled\":0,\"total\":3},"
            + "\"created_at\":\"2026-05-06T10:00:00+00:00\",\"completed_at\":\"2026-05-06T10:01:00+00:00\","
            + "\"metadata\":{\"order_id\":\"A-1001\"}}";

    @Test
    void readsABatchBodyAsABatchCallback() {
        BatchCallback callback = read(SUCCEEDED);

        assertThat(callback.batchId()).isEqualTo("batch-9");
        assertThat(callback.id()).isEqualTo("batch-9");
        assertThat(callback.event()).isEqualTo(CallbackEvent.UNKNOWN);
        assertThat(callback.eventName()).isEqualTo("batch.succeeded");
        assertThat(callback.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(callback.statusCode()).isEqualTo("succeeded");
        assertThat(callback.requestId()).isEqualTo("req-1");
        assertThat(callback.createdAt()).isEqualTo(OffsetDateTime.parse("2026-05-06T10:00:00Z"));
        assertThat(callback.completedAt()).isEqualTo(OffsetDateTime.parse("2026-05-06T10:01:00Z"));
        assertThat(callback.source()).isEqualTo(CallbackSource.CALLBACK);
    }

    @Test
    void readsTheCountsAndTheItemsOfTheOutputEnvelope() {
        BatchCallback callback = read(SUCCEEDED);

        assertThat(callback.itemsTotal()).isEqualTo(3);
        assertThat(callback.itemsSucceeded()).isEqualTo(2);
        assertThat(callback.itemsFailed()).isEqualTo(1);
        assertThat(callback.itemsCancelled()).isZero();
        assertThat(callback.items())
                .as("items without an id are left out")
                .extracting(item -> item.id())
                .containsExactly("item-1", "item-2");
        assertThat(callback.output().path("total").asNumber())
                .hasValueSatisfying(n -> assertThat(n.intValue()).isEqualTo(3));
    }

    @Test
    void sharesTheMetadataAndOutputOfTheRawBody() {
        BatchCallback callback = read(SUCCEEDED);

        assertThat(callback.metadata().path("order_id").asString()).contains("A-1001");
        assertThat(callback.metadata()).isSameAs(callback.raw().path("metadata"));
        assertThat(callback.output()).isSameAs(callback.raw().path("output"));
    }

    @Test
    void readsAnAbsentOutputAsJsonNullAndCountsAsZero() {
        BatchCallback callback = read("{\"event\":\"batch.failed\",\"batch_id\":\"batch-9\"}");

        assertThat(callback.output()).isSameAs(JsonValue.JsonNull.INSTANCE);
        assertThat(callback.metadata()).isSameAs(JsonValue.JsonNull.INSTANCE);
        assertThat(callback.items()).isEmpty();
        assertThat(callback.itemsTotal()).isZero();
        assertThat(callback.status()).as("no batch event is known yet").isEqualTo(RunStatus.UNKNOWN);
    }

    @Test
    void turnsIntoTheBatchItDescribes() {
        BatchCallback callback = read(SUCCEEDED);

        Batch batch = callback.toBatch();

        assertThat(batch.id()).isEqualTo("batch-9");
        assertThat(batch.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(batch.statusCode()).isEqualTo("succeeded");
        assertThat(batch.itemsTotal()).isEqualTo(3);
        assertThat(batch.itemsSucceeded()).isEqualTo(2);
        assertThat(batch.itemsFailed()).isEqualTo(1);
        assertThat(batch.items()).isEqualTo(callback.items());
        assertThat(batch.requestId()).isEqualTo("req-1");
        assertThat(batch.completedAt()).isEqualTo(callback.completedAt());
        assertThat(batch.metadata()).isSameAs(callback.metadata());
        assertThat(batch.raw()).isSameAs(callback.raw());
        assertThat(batch.isTerminal()).isTrue();
    }

    @Test
    void showsItsIdButNotItsBodyInToString() {
        assertThat(read(SUCCEEDED))
                .hasToString(
                        "BatchCallback[event=batch.succeeded, batchId=batch-9, status=SUCCEEDED, requestId=req-1]");
    }

    @Test
    void buildsWithDefaults() {
        BatchCallback callback = BatchCallback.builder()
                .batchId("batch-1")
                .eventName("batch.succeeded")
                .statusCode("succeeded")
                .build();

        assertThat(callback.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(callback.itemsTotal()).isZero();
        assertThat(callback.items()).isEmpty();
        assertThat(callback.output()).isSameAs(JsonValue.JsonNull.INSTANCE);
        assertThat(callback.raw()).isSameAs(JsonValue.JsonNull.INSTANCE);
        assertThat(callback.source()).isEqualTo(CallbackSource.CALLBACK);
        assertThat(callback.toBatch().output().isNull()).isTrue();
    }

    @Test
    void requiresABatchIdAndAnEvent() {
        assertThatIllegalStateException()
                .isThrownBy(() ->
                        BatchCallback.builder().eventName("batch.succeeded").build())
                .withMessage("batchId is required");
        assertThatIllegalStateException()
                .isThrownBy(() -> BatchCallback.builder().batchId("batch-1").build())
                .withMessage("eventName is required");
    }

    @Test
    void copiesThroughToBuilder() {
        BatchCallback callback = read(SUCCEEDED);

        BatchCallback reconciled =
                callback.toBuilder().source(CallbackSource.RECONCILED).build();

        assertThat(callback.toBuilder().build()).isEqualTo(callback).hasSameHashCodeAs(callback);
        assertThat(reconciled.source()).isEqualTo(CallbackSource.RECONCILED);
        assertThat(reconciled.items()).isSameAs(callback.items());
        assertThat(reconciled).isNotEqualTo(callback);
    }

    private static BatchCallback read(String body) {
        return (BatchCallback) CallbackReader.read(body.getBytes(StandardCharsets.UTF_8), "req-1");
    }
}
