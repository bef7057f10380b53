package io.runflow.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The small records: their required fields, their defaults for absent values, and their copies. */
class SmallRecordsTest {

    @Test
    void runFailureDescribesWhatItKnows() {
        assertThat(new RunFailure("oom", "inference", "out of memory").describe())
                .isEqualTo("oom at inference: out of memory");
        assertThat(new RunFailure(null, null, null).describe()).isEqualTo("failure");
        assertThat(new RunFailure("oom", null, null).describe()).isEqualTo("oom");
        assertThat(new RunFailure(null, "inference", null).describe()).isEqualTo("failure at inference");
        assertThat(new RunFailure(null, null, "boom").describe()).isEqualTo("failure: boom");
    }

    @Test
    void pageTurnsBlankCursorsIntoNull() {
        Page<String> page = new Page<>(List.of("a"), " ", "", "\t");
        assertThat(page.first()).isNull();
        assertThat(page.next()).isNull();
        assertThat(page.previous()).isNull();
        assertThat(page.hasNext()).isFalse();
    }

    @Test
    void pageKeepsRealCursorsAndCopiesItsItems() {
        List<String> items = new ArrayList<>(List.of("a", "b"));
        Page<String> page = new Page<>(items, "c1", "c3", "c2");
        items.clear();
        assertThat(page.items()).containsExactly("a", "b");
        assertThat(page.first()).isEqualTo("c1");
        assertThat(page.next()).isEqualTo("c3");
        assertThat(page.previous()).isEqualTo("c2");
        assertThat(page.hasNext()).isTrue();
        assertThat(new Page<>(List.of(), null, null, null).hasNext()).isFalse();
    }

    @Test
    void runLogNeedsAnIdAndReturnsCopiesOfItsNodes() {
        assertThatThrownBy(() -> RunLog.builder().build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("id is required");
        RunLog absent = RunLog.builder()
                .id("log_1")
                .runId("run_1")
                .level("info")
                .message("started")
                .build();
        assertThat(absent.meta().isNull()).isTrue();
        assertThat(absent.raw().isNull()).isTrue();
        JsonValue meta = JsonValue.object(Map.of("gpu", "a100"));
        JsonValue raw = JsonValue.object(Map.of("id", "log_1"));
        RunLog log = RunLog.builder()
                .id("log_1")
                .runId("run_1")
                .level("info")
                .message("started")
                .meta(meta)
                .raw(raw)
                .build();
        assertThat(log.meta()).isEqualTo(JsonValue.object(Map.of("gpu", "a100")));
        assertThat(log.raw()).isEqualTo(JsonValue.object(Map.of("id", "log_1")));
    }

    @Test
    void fieldErrorToStringFillsInWhatIsAbsent() {
        assertThat(new FieldError("prompt", "is required", null).toString()).isEqualTo("prompt: is required");
        assertThat(new FieldError(null, null, null).toString()).isEqualTo("?: invalid");
        assertThat(new FieldError(null, null, null).raw().isNull()).isTrue();
    }

    @Test
    void apiErrorCopiesItsFieldErrors() {
        List<FieldError> errors = new ArrayList<>(List.of(new FieldError("prompt", "is required", null)));
        ApiError error = new ApiError("invalid", "bad", errors);
        errors.clear();
        assertThat(error.errors()).hasSize(1);
        assertThat(new ApiError("invalid", "bad", null).errors()).isEmpty();
    }

    @Test
    void absentRawIsMissingInHealthAssetTypeAndStatusDefinition() {
        assertThat(new Health(true, null).raw().isNull()).isTrue();
        assertThat(new AssetType("image/png", "image", null).raw().isNull()).isTrue();
        assertThat(new RunStatusDefinition("queued", RunStatus.QUEUED, false, null, null)
                        .raw()
                        .isNull())
                .isTrue();
    }

    @Test
    void assetTypeAndStatusDefinitionRequireTheirKeys() {
        assertThatThrownBy(() -> new AssetType(null, null, null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("mimeType");
        assertThatThrownBy(() -> new RunStatusDefinition(null, RunStatus.QUEUED, null, null, null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("code");
        assertThatThrownBy(() -> new RunStatusDefinition("queued", null, null, null, null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("status");
    }
}
