package io.runflow.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunOutputTest {

    @Test
    void inferenceTimeIsReadFromTheTiming() {
        JsonValue timing = JsonValue.object(Map.of("inference_ms", 1250));
        assertThat(new RunOutput(null, null, timing, null, null).inferenceTime())
                .contains(Duration.ofMillis(1250));
    }

    @Test
    void inferenceTimeIsEmptyWithoutANumber() {
        assertThat(new RunOutput(null, null, null, null, null).inferenceTime()).isEmpty();
        JsonValue text = JsonValue.object(Map.of("inference_ms", "1250"));
        assertThat(new RunOutput(null, null, text, null, null).inferenceTime()).isEmpty();
    }

    @Test
    void copiesTheOutputsAndTheNodes() {
        List<OutputFile> files = new ArrayList<>(List.of(OutputFile.of("https://cdn/1.png", "image")));
        JsonValue timing = JsonValue.object(Map.of("inference_ms", 1));
        JsonValue raw = JsonValue.object(Map.of("seed", 7));
        RunOutput output = new RunOutput(files, 7L, timing, false, raw);

        files.clear();

        assertThat(output.outputs()).extracting(OutputFile::url).containsExactly("https://cdn/1.png");
        assertThat(output.timing()).isEqualTo(JsonValue.object(Map.of("inference_ms", 1)));
        assertThat(output.raw()).isEqualTo(JsonValue.object(Map.of("seed", 7)));
    }

    @Test
    void absentValuesAreEmptyOrJsonNull() {
        RunOutput output = new RunOutput(null, null, null, null, null);
        assertThat(output.outputs()).isEmpty();
        assertThat(output.raw().isNull()).isTrue();
        assertThat(output.timing()).isSameAs(JsonValue.JsonNull.INSTANCE);
    }

    @Test
    void anOutputFileNeedsAUrl() {
        assertThatThrownBy(() -> OutputFile.of(null, "image"))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("url");
        OutputFile file = OutputFile.of("https://cdn/1.png", "image");
        assertThat(file.type()).isEqualTo("image");
        assertThat(file.width()).isNull();
        assertThat(file.raw().isNull()).isTrue();
        JsonValue raw = JsonValue.object(Map.of("url", "u"));
        OutputFile given = new OutputFile("u", null, 1, 2, "image/png", raw);
        assertThat(given.raw()).isEqualTo(JsonValue.object(Map.of("url", "u")));
    }
}
