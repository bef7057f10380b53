package io.runflow.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunOutputTest {

    @Test
    void inferenceTimeIsReadFromTheTiming() {
        ObjectNode timing = JsonNodeFactory.instance.objectNode().put("inference_ms", 1250);
        assertThat(new RunOutput(null, null, timing, null, null).inferenceTime())
                .contains(Duration.ofMillis(1250));
    }

    @Test
    void inferenceTimeIsEmptyWithoutANumber() {
        assertThat(new RunOutput(null, null, null, null, null).inferenceTime()).isEmpty();
        ObjectNode text = JsonNodeFactory.instance.objectNode().put("inference_ms", "1250");
        assertThat(new RunOutput(null, null, text, null, null).inferenceTime()).isEmpty();
    }

    @Test
    void copiesTheOutputsAndTheNodes() {
        List<OutputFile> files = new ArrayList<>(List.of(OutputFile.of("https://cdn/1.png", "image")));
        ObjectNode timing = JsonNodeFactory.instance.objectNode().put("inference_ms", 1);
        ObjectNode raw = JsonNodeFactory.instance.objectNode().put("seed", 7);
        RunOutput output = new RunOutput(files, 7L, timing, false, raw);

        files.clear();
        ((ObjectNode) output.timing()).put("inference_ms", 9);
        ((ObjectNode) output.raw()).put("seed", 9);

        assertThat(output.outputs()).extracting(OutputFile::url).containsExactly("https://cdn/1.png");
        assertThat(output.timing())
                .isEqualTo(JsonNodeFactory.instance.objectNode().put("inference_ms", 1));
        assertThat(output.raw()).isEqualTo(JsonNodeFactory.instance.objectNode().put("seed", 7));
    }

    @Test
    void absentValuesAreEmptyOrMissingButTimingStaysNull() {
        RunOutput output = new RunOutput(null, null, null, null, null);
        assertThat(output.outputs()).isEmpty();
        assertThat(output.raw().isMissingNode()).isTrue();
        assertThat(output.timing()).isNull();
    }

    @Test
    void anOutputFileNeedsAUrl() {
        assertThatThrownBy(() -> OutputFile.of(null, "image"))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("url");
        OutputFile file = OutputFile.of("https://cdn/1.png", "image");
        assertThat(file.type()).isEqualTo("image");
        assertThat(file.width()).isNull();
        assertThat(file.raw().isMissingNode()).isTrue();
        ObjectNode raw = JsonNodeFactory.instance.objectNode().put("url", "u");
        OutputFile given = new OutputFile("u", null, 1, 2, "image/png", raw);
        ((ObjectNode) given.raw()).put("url", "changed");
        assertThat(given.raw()).isEqualTo(JsonNodeFactory.instance.objectNode().put("url", "u"));
    }
}
