package io.runflow.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class RunTest {

    private static Run run(RunStatus status, JsonNode input, JsonNode metadata, JsonNode raw) {
        return new Run(
                "run_1",
                status,
                status.value(),
                "m/x",
                "model",
                "org_1",
                input,
                null,
                null,
                null,
                null,
                null,
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
        assertThatThrownBy(() -> new Run(
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
        assertThatThrownBy(() -> new Run(
                        "run_1", null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                        null, null, null, null, null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("status");
    }

    @Test
    void absentNodesAreMissing() {
        Run run = run(RunStatus.QUEUED, null, null, null);
        assertThat(run.input().isMissingNode()).isTrue();
        assertThat(run.metadata().isMissingNode()).isTrue();
        assertThat(run.raw().isMissingNode()).isTrue();
    }

    @Test
    void givenNodesAreReturnedAsCopies() {
        ObjectNode input = JsonNodeFactory.instance.objectNode().put("i", 1);
        ObjectNode metadata = JsonNodeFactory.instance.objectNode().put("m", 2);
        ObjectNode raw = JsonNodeFactory.instance.objectNode().put("r", 3);
        Run run = run(RunStatus.QUEUED, input, metadata, raw);

        ((ObjectNode) run.input()).put("i", 9);
        ((ObjectNode) run.metadata()).put("m", 9);
        ((ObjectNode) run.raw()).put("r", 9);

        assertThat(run.input()).isEqualTo(JsonNodeFactory.instance.objectNode().put("i", 1));
        assertThat(run.metadata())
                .isEqualTo(JsonNodeFactory.instance.objectNode().put("m", 2));
        assertThat(run.raw()).isEqualTo(JsonNodeFactory.instance.objectNode().put("r", 3));
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
