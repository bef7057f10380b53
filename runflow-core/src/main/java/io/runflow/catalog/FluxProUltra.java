package io.runflow.catalog;

import io.runflow.model.ModelInput;
import io.runflow.model.RunRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * FLUX 1.1 [pro] Ultra by Black Forest Labs: 4 MP+ JPEG images from a text prompt, $0.06 per image.
 *
 * <pre>{@code
 * Run run = runflow.runs().run(FluxProUltra.input("a serene japanese garden").seed(42));
 * }</pre>
 */
public final class FluxProUltra {

    /** The model id. */
    public static final String MODEL = "black-forest-labs/flux-1-1-pro-ultra";

    private FluxProUltra() {}

    /**
     * Starts an input.
     *
     * @param prompt the text description of the image; not blank
     * @return the input, without a seed (the server picks one)
     * @throws IllegalArgumentException if the prompt is blank
     */
    public static Input input(String prompt) {
        return new Input(prompt, null);
    }

    /**
     * An immutable FLUX 1.1 [pro] Ultra input.
     *
     * @param prompt the text description of the image
     * @param seed the seed for reproducible results, or {@code null} to randomise
     */
    public record Input(String prompt, Long seed) implements ModelInput {

        /** Checks the prompt and the seed. */
        public Input {
            Objects.requireNonNull(prompt, "prompt");
            if (prompt.isBlank()) {
                throw new IllegalArgumentException("prompt must not be blank");
            }
            if (seed != null && seed < 0) {
                throw new IllegalArgumentException("seed must not be negative, got " + seed);
            }
        }

        /**
         * Returns a copy with a seed.
         *
         * @param seed zero or positive
         * @return the copy
         */
        public Input seed(long seed) {
            return new Input(prompt, seed);
        }

        @Override
        public RunRequest toRequest() {
            Map<String, Object> input = new LinkedHashMap<>();
            input.put("prompt", prompt);
            if (seed != null) {
                input.put("seed", seed);
            }
            return RunRequest.of(MODEL, input);
        }
    }
}
