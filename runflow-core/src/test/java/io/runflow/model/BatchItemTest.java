package io.runflow.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class BatchItemTest {

    private static BatchItem item(JsonValue input, JsonValue error, JsonValue raw) {
        return BatchItem.builder()
                .id("item_1")
                .batchId("bat_1")
                .sequenceIndex(3)
                .runId("run_1")
                .status(RunStatus.FAILED)
                .statusCode("failed")
                .clientRef("sku-01")
                .input(input)
                .error(error)
                .raw(raw)
                .build();
    }

    @Test
    void requiresAnIdAndAStatus() {
        assertThatThrownBy(() -> BatchItem.builder()
                        .sequenceIndex(0)
                        .status(RunStatus.QUEUED)
                        .build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("id is required");
        assertThatThrownBy(
                        () -> BatchItem.builder().id("item_1").sequenceIndex(0).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("status is required");
    }

    @Test
    void absentValuesAreJsonNull() {
        BatchItem item = item(null, null, null);
        assertThat(item.input().isNull()).isTrue();
        assertThat(item.error().isNull()).isTrue();
        assertThat(item.raw().isNull()).isTrue();
    }

    @Test
    void givenValuesAreSharedNotCopied() {
        JsonValue input = JsonValue.object(Map.of("i", 1));
        JsonValue error = JsonValue.object(Map.of("e", 2));
        JsonValue raw = JsonValue.object(Map.of("r", 3));
        BatchItem item = item(input, error, raw);

        assertThat(item.input()).isEqualTo(JsonValue.object(Map.of("i", 1)));
        assertThat(item.error()).isEqualTo(JsonValue.object(Map.of("e", 2)));
        assertThat(item.raw()).isEqualTo(JsonValue.object(Map.of("r", 3)));
    }

    @Test
    void toStringShowsTheIdIndexRunAndStatusOnly() {
        assertThat(item(null, null, null).toString())
                .isEqualTo("BatchItem[id=item_1, index=3, runId=run_1, status=failed]");
    }
}
