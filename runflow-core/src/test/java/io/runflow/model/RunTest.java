package io.runflow.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RunTest {

    private static Run run(RunStatus status, JsonValue input, JsonValue metadata, JsonValue raw) {
        return Run.builder()
                .id("run_1")
                .status(status)
                .statusCode(status.value())
                .modelId("m/x")
                .targetType("model")
                .orgId("org_1")
                .input(input)
                .metadata(metadata)
                .raw(raw)
                .build();
    }

    @Test
    void requiresAStatusButNotAnId() {
        // A list read with a fields projection may leave out the id: only the status is required.
        assertThat(Run.builder().status(RunStatus.QUEUED).build().id()).isNull();
        assertThatThrownBy(() -> Run.builder().id("run_1").build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("status is required");
    }

    @Test
    void absentValuesAreJsonNull() {
        Run run = run(RunStatus.QUEUED, null, null, null);
        assertThat(run.input().isNull()).isTrue();
        assertThat(run.metadata().isNull()).isTrue();
        assertThat(run.raw().isNull()).isTrue();
    }

    @Test
    void givenValuesAreSharedNotCopied() {
        JsonValue input = JsonValue.object(Map.of("i", 1));
        JsonValue metadata = JsonValue.object(Map.of("m", 2));
        JsonValue raw = JsonValue.object(Map.of("r", 3));
        Run run = run(RunStatus.QUEUED, input, metadata, raw);

        assertThat(run.input()).isEqualTo(JsonValue.object(Map.of("i", 1)));
        assertThat(run.metadata()).isEqualTo(JsonValue.object(Map.of("m", 2)));
        assertThat(run.raw()).isEqualTo(JsonValue.object(Map.of("r", 3)));
    }

    @Test
    void isTerminalFollowsTheStatus() {
        assertThat(run(RunStatus.SUCCEEDED, null, null, null).isTerminal()).isTrue();
        assertThat(run(RunStatus.RUNNING, null, null, null).isTerminal()).isFalse();
    }

    @Test
    void toStringShowsOnlyTheIdAndStatus() {
        assertThat(run(RunStatus.RUNNING, null, null, null).toString()).isEqualTo("Run[id=run_1, status=running]");
    }
}
