package io.runflow.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchTest {

    private static Batch batch(RunStatus status, int total, int succeeded, int failed, int cancelled) {
        return new Batch(
                "bat_1",
                status,
                status.value(),
                "model",
                "m/x",
                total,
                succeeded,
                failed,
                cancelled,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    private static Batch withNodes(List<BatchItem> items, JsonNode output, JsonNode metadata, JsonNode raw) {
        return new Batch(
                "bat_1",
                RunStatus.RUNNING,
                "running",
                "model",
                "m/x",
                1,
                0,
                0,
                0,
                items,
                null,
                output,
                metadata,
                null,
                null,
                null,
                null,
                null,
                null,
                raw);
    }

    @Test
    void requiresAnIdAndAStatus() {
        assertThatThrownBy(() -> new Batch(
                        null,
                        RunStatus.QUEUED,
                        null,
                        null,
                        null,
                        0,
                        0,
                        0,
                        0,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("id");
        assertThatThrownBy(() -> new Batch(
                        "bat_1", null, null, null, null, 0, 0, 0, 0, null, null, null, null, null, null, null, null,
                        null, null, null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("status");
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
    void absentNodesAreMissingAndAbsentItemsEmpty() {
        Batch batch = withNodes(null, null, null, null);
        assertThat(batch.items()).isEmpty();
        assertThat(batch.output().isMissingNode()).isTrue();
        assertThat(batch.metadata().isMissingNode()).isTrue();
        assertThat(batch.raw().isMissingNode()).isTrue();
    }

    @Test
    void givenNodesAreReturnedAsCopies() {
        ObjectNode output = JsonNodeFactory.instance.objectNode().put("o", 1);
        ObjectNode metadata = JsonNodeFactory.instance.objectNode().put("m", 2);
        ObjectNode raw = JsonNodeFactory.instance.objectNode().put("r", 3);
        Batch batch = withNodes(List.of(), output, metadata, raw);

        ((ObjectNode) batch.output()).put("o", 9);
        ((ObjectNode) batch.metadata()).put("m", 9);
        ((ObjectNode) batch.raw()).put("r", 9);

        assertThat(batch.output())
                .isEqualTo(JsonNodeFactory.instance.objectNode().put("o", 1));
        assertThat(batch.metadata())
                .isEqualTo(JsonNodeFactory.instance.objectNode().put("m", 2));
        assertThat(batch.raw()).isEqualTo(JsonNodeFactory.instance.objectNode().put("r", 3));
    }

    @Test
    void copiesTheItems() {
        BatchItem item = new BatchItem(
                "item_1",
                null,
                0,
                "run_1",
                RunStatus.QUEUED,
                "queued",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
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
