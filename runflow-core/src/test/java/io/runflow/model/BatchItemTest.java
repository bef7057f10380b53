package io.runflow.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class BatchItemTest {

    private static BatchItem item(JsonNode input, JsonNode error, JsonNode raw) {
        return new BatchItem(
                "item_1",
                "bat_1",
                3,
                "run_1",
                RunStatus.FAILED,
                "failed",
                "sku-01",
                input,
                null,
                null,
                error,
                null,
                null,
                null,
                null,
                raw);
    }

    @Test
    void requiresAnIdAndAStatus() {
        assertThatThrownBy(() -> new BatchItem(
                        null,
                        null,
                        0,
                        null,
                        RunStatus.QUEUED,
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
        assertThatThrownBy(() -> new BatchItem(
                        "item_1", null, 0, null, null, null, null, null, null, null, null, null, null, null, null,
                        null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("status");
    }

    @Test
    void absentNodesAreMissing() {
        BatchItem item = item(null, null, null);
        assertThat(item.input().isMissingNode()).isTrue();
        assertThat(item.error().isMissingNode()).isTrue();
        assertThat(item.raw().isMissingNode()).isTrue();
    }

    @Test
    void givenNodesAreReturnedAsCopies() {
        ObjectNode input = JsonNodeFactory.instance.objectNode().put("i", 1);
        ObjectNode error = JsonNodeFactory.instance.objectNode().put("e", 2);
        ObjectNode raw = JsonNodeFactory.instance.objectNode().put("r", 3);
        BatchItem item = item(input, error, raw);

        ((ObjectNode) item.input()).put("i", 9);
        ((ObjectNode) item.error()).put("e", 9);
        ((ObjectNode) item.raw()).put("r", 9);

        assertThat(item.input()).isEqualTo(JsonNodeFactory.instance.objectNode().put("i", 1));
        assertThat(item.error()).isEqualTo(JsonNodeFactory.instance.objectNode().put("e", 2));
        assertThat(item.raw()).isEqualTo(JsonNodeFactory.instance.objectNode().put("r", 3));
    }

    @Test
    void toStringShowsTheIdIndexRunAndStatusOnly() {
        assertThat(item(null, null, null).toString())
                .isEqualTo("BatchItem[id=item_1, index=3, runId=run_1, status=failed]");
    }
}
