package io.runflow.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The normalised output of a finished run.
 *
 * <p>Decoded from the documented shape ({@code outputs[]} with {@code url}, {@code type}, {@code
 * width}, {@code height}, {@code content_type}) and also from the older {@code image_urls[]} shape,
 * whose URLs become entries of type {@code image}.
 *
 * @param outputs one entry per generated artifact; empty, never {@code null}
 * @param seed the seed used for generation, {@code null} if not returned
 * @param timing provider timing information (for example {@code inference_ms}), {@code null} if not
 *     surfaced
 * @param nsfwDetected true if flagged, false if cleared, {@code null} if not checked
 * @param raw the output object as received
 */
public record RunOutput(List<OutputFile> outputs, Long seed, JsonNode timing, Boolean nsfwDetected, JsonNode raw) {

    /** Copies the list and normalises a missing {@code raw}. */
    public RunOutput {
        outputs = outputs == null ? List.of() : List.copyOf(outputs);
        raw = raw == null ? MissingNode.getInstance() : raw;
    }

    /** Returns {@code timing} as a copy: records are shared (one run reaches every wait on it). */
    @Override
    public JsonNode timing() {
        return timing == null ? null : timing.deepCopy();
    }

    /** Returns {@code raw} as a copy: records are shared (one run reaches every wait on it). */
    @Override
    public JsonNode raw() {
        return raw == null ? null : raw.deepCopy();
    }

    /**
     * Returns the provider's inference time, from {@code timing.inference_ms}.
     *
     * @return the inference time, or empty if the provider did not report it
     */
    public Optional<Duration> inferenceTime() {
        if (timing == null || !timing.path("inference_ms").isNumber()) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofMillis(timing.path("inference_ms").asLong()));
    }
}
