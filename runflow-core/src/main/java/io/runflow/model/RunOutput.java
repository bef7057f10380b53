package io.runflow.model;

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
 * @param timing provider timing information (for example {@code inference_ms}), JSON {@code null} if
 *     not surfaced
 * @param nsfwDetected true if flagged, false if cleared, {@code null} if not checked
 * @param raw the output object as received
 */
public record RunOutput(List<OutputFile> outputs, Long seed, JsonValue timing, Boolean nsfwDetected, JsonValue raw) {

    /** Copies the list and normalises an absent {@code timing} and {@code raw} to JSON {@code null}. */
    public RunOutput {
        outputs = outputs == null ? List.of() : List.copyOf(outputs);
        timing = timing == null ? JsonValue.JsonNull.INSTANCE : timing;
        raw = raw == null ? JsonValue.JsonNull.INSTANCE : raw;
    }

    /**
     * Returns the provider's inference time, from {@code timing.inference_ms}.
     *
     * @return the inference time, or empty if the provider did not report it
     */
    public Optional<Duration> inferenceTime() {
        return timing.path("inference_ms").asNumber().map(ms -> Duration.ofMillis(ms.longValue()));
    }
}
