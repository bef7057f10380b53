package io.runflow.catalog;

import io.runflow.model.ModelInput;
import io.runflow.model.RunRequest;
import java.math.BigDecimal;
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
     * Reads an input from its JSON form, {@code {"prompt": "...", "seed": 42}}, as an application
     * receives it from its own users (a request body, a form). Other members are ignored.
     *
     * @param fields the members: {@code prompt} a non-blank string, {@code seed} absent, {@code null}
     *     or a whole number from 0 to {@link Long#MAX_VALUE}
     * @return the input
     * @throws IllegalArgumentException naming the field that is missing or wrong, in a message fit to
     *     show the user ({@code prompt is required}, {@code seed must be a whole number}, ...)
     */
    public static Input input(Map<String, ?> fields) {
        Objects.requireNonNull(fields, "fields");
        Object prompt = fields.get("prompt");
        if (prompt == null) {
            throw new IllegalArgumentException("prompt is required");
        }
        if (!(prompt instanceof String text)) {
            throw new IllegalArgumentException("prompt must be a string");
        }
        Input input = input(text);
        Object seed = fields.get("seed");
        return seed == null ? input : input.seed(wholeNumber(seed));
    }

    private static long wholeNumber(Object seed) {
        if (seed instanceof Number number
                && !(seed instanceof Double d && (d.isNaN() || d.isInfinite()))
                && !(seed instanceof Float f && (f.isNaN() || f.isInfinite()))) {
            try {
                long value = new BigDecimal(number.toString()).longValueExact();
                if (value < 0) {
                    throw new IllegalArgumentException("seed must not be negative, got " + value);
                }
                return value;
            } catch (ArithmeticException | NumberFormatException e) {
                // fractional, or beyond a long: not a seed
            }
        }
        throw new IllegalArgumentException("seed must be a whole number from 0 to " + Long.MAX_VALUE);
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
