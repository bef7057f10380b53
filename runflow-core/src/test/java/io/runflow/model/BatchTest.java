package io.runflow.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BatchTest {

    private static Batch batch(RunStatus status, int total, int succeeded, int failed, int cancelled) {
        return Batch.builder()
                .id("bat_1")
                .status(status)
                .statusCode(status.value())
                .targetType("model")
                .targetId("m/x")
                .itemsTotal(total)
                .itemsSucceeded(succeeded)
                .itemsFailed(failed)
                .itemsCancelled(cancelled)
                .build();
    }

    private static Batch withNodes(List<BatchItem> items, JsonValue output, JsonValue metadata, JsonValue raw) {
        return Batch.builder()
                .id("bat_1")
                .status(RunStatus.RUNNING)
                .statusCode("running")
                .targetType("model")
                .targetId("m/x")
                .itemsTotal(1)
                .itemsSucceeded(0)
                .itemsFailed(0)
                .itemsCancelled(0)
                .items(items)
                .output(output)
                .metadata(metadata)
                .raw(raw)
                .build();
    }

    @Test
    void requiresAnIdAndAStatus() {
        assertThatThrownBy(() -> Batch.builder()
                        .status(RunStatus.QUEUED)
                        .itemsTotal(0)
                        .itemsSucceeded(0)
                        .itemsFailed(0)
                        .itemsCancelled(0)
                        .build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("id is required");
        assertThatThrownBy(() -> Batch.builder()
                        .id("bat_1")
                        .itemsTotal(0)
                        .itemsSucceeded(0)
                        .itemsFailed(0)
                        .itemsCancelled(0)
                        .build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("status is required");
    }

    @Test
    void itemsPendingIsWhatHasNotFinished() {
        assertThat(batch(RunStatus.RUNNING, 10, 3, 2, 1).itemsPending()).isEqualTo(4);
        assertThat(batch(RunStatus.RUNNING, 10, 0, 0, 0).itemsPending()).isEqualTo(10);
        assertThat(batch(RunStatus.SUCCEEDED, 10, 10, 0, 0).itemsPending()).isZero();
    }

    @Test
    void itemsPendingIsNeverNegative() {
        assertThat(batch(RunStatus.RUNNING, 2, 2, 1, 0).itemsPending()).isZero();
    }

    @Test
    void isTerminalFollowsTheStatus() {
        assertThat(batch(RunStatus.PARTIAL_SUCCEEDED, 2, 1, 1, 0).isTerminal()).isTrue();
        assertThat(batch(RunStatus.RUNNING, 2, 1, 0, 0).isTerminal()).isFalse();
    }

    @Test
    void absentValuesAreJsonNullAndAbsentItemsEmpty() {
        Batch batch = withNodes(null, null, null, null);
        assertThat(batch.items()).isEmpty();
        assertThat(batch.output().isNull()).isTrue();
        assertThat(batch.metadata().isNull()).isTrue();
        assertThat(batch.raw().isNull()).isTrue();
    }

    @Test
    void givenValuesAreSharedNotCopied() {
        JsonValue output = JsonValue.object(Map.of("o", 1));
        JsonValue metadata = JsonValue.object(Map.of("m", 2));
        JsonValue raw = JsonValue.object(Map.of("r", 3));
        Batch batch = withNodes(List.of(), output, metadata, raw);

        assertThat(batch.output()).isEqualTo(JsonValue.object(Map.of("o", 1)));
        assertThat(batch.metadata()).isEqualTo(JsonValue.object(Map.of("m", 2)));
        assertThat(batch.raw()).isEqualTo(JsonValue.object(Map.of("r", 3)));
    }

    @Test
    void copiesTheItems() {
        BatchItem item = BatchItem.builder()
                .id("item_1")
                .sequenceIndex(0)
                .runId("run_1")
                .status(RunStatus.QUEUED)
                .statusCode("queued")
                .build();
        List<BatchItem> items = new ArrayList<>(List.of(item));
        Batch batch = withNodes(items, null, null, null);
        items.clear();
        assertThat(batch.items()).containsExactly(item);
    }

    @Test
    void toStringShowsTheCounts() {
        assertThat(batch(RunStatus.RUNNING, 10, 3, 2, 1).toString())
                .isEqualTo("Batch[id=bat_1, status=running, items=3/2/1 of 10]");
    }
}
