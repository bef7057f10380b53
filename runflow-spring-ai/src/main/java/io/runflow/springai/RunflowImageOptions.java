package io.runflow.springai;

import io.runflow.catalog.FluxProUltra;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.springframework.ai.image.ImageOptions;

/**
 * Spring AI image options for Runflow: the model id, how many images, a seed, the response format and
 * further inputs of the chosen model. Immutable; unset values are {@code null} and take the model's
 * defaults ({@link RunflowImageModel#call} merges runtime options over its defaults).
 *
 * <pre>{@code
 * ImageResponse response = imageModel.call(new ImagePrompt("a red fox",
 *         RunflowImageOptions.builder().n(2).seed(42).input("aspect_ratio", "16:9").build()));
 * }</pre>
 *
 * <p>{@code width}, {@code height} and {@code style} are part of Spring AI's {@link ImageOptions}, but
 * Runflow's image models take their own inputs (FLUX 1.1 [pro] Ultra: {@code aspect_ratio}); a call
 * that sets them fails with an {@link IllegalArgumentException} naming the option instead of silently
 * dropping it.
 */
public final class RunflowImageOptions implements ImageOptions {

    /** The model used when none is given: FLUX 1.1 [pro] Ultra. */
    public static final String DEFAULT_MODEL = FluxProUltra.MODEL;

    /** {@link #getResponseFormat()} for output URLs (the default). */
    public static final String URL = "url";

    /** {@link #getResponseFormat()} for base64-encoded image data, downloaded from the output URL. */
    public static final String B64_JSON = "b64_json";

    private final String model;
    private final Integer n;
    private final Long seed;
    private final String responseFormat;
    private final Integer width;
    private final Integer height;
    private final String style;
    private final Map<String, Object> inputs;

    private RunflowImageOptions(Builder builder) {
        this.model = builder.model;
        this.n = builder.n;
        this.seed = builder.seed;
        this.responseFormat = builder.responseFormat;
        this.width = builder.width;
        this.height = builder.height;
        this.style = builder.style;
        this.inputs = Map.copyOf(builder.inputs);
    }

    /**
     * Starts options with nothing set.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts a builder holding these options.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.model = model;
        builder.n = n;
        builder.seed = seed;
        builder.responseFormat = responseFormat;
        builder.width = width;
        builder.height = height;
        builder.style = style;
        builder.inputs.putAll(inputs);
        return builder;
    }

    /**
     * Returns these options with {@code runtime}'s set values over them: Spring AI's own options
     * ({@code model}, {@code n}, {@code responseFormat}, {@code width}, {@code height}, {@code style})
     * from any {@link ImageOptions}, and {@code seed} and the inputs (key by key) from {@code
     * RunflowImageOptions}.
     *
     * @param runtime the options of one call, or {@code null}
     * @return the merged options
     */
    public RunflowImageOptions merge(ImageOptions runtime) {
        if (runtime == null) {
            return this;
        }
        Builder merged = toBuilder();
        if (runtime.getModel() != null) {
            merged.model(runtime.getModel());
        }
        if (runtime.getN() != null) {
            merged.n(runtime.getN());
        }
        if (runtime.getResponseFormat() != null) {
            merged.responseFormat(runtime.getResponseFormat());
        }
        if (runtime.getWidth() != null) {
            merged.width(runtime.getWidth());
        }
        if (runtime.getHeight() != null) {
            merged.height(runtime.getHeight());
        }
        if (runtime.getStyle() != null) {
            merged.style(runtime.getStyle());
        }
        if (runtime instanceof RunflowImageOptions runflow) {
            if (runflow.seed != null) {
                merged.seed(runflow.seed);
            }
            merged.inputs.putAll(runflow.inputs);
        }
        return merged.build();
    }

    /** Returns the model id, or {@code null} for {@link #DEFAULT_MODEL}. */
    @Override
    public String getModel() {
        return model;
    }

    /** Returns how many images to generate, or {@code null} for one. */
    @Override
    public Integer getN() {
        return n;
    }

    /**
     * Returns the seed of the first image (the next ones get seed + 1, ...), or {@code null} for a
     * seed the server picks.
     *
     * @return the seed or {@code null}
     */
    public Long getSeed() {
        return seed;
    }

    /** Returns {@link #URL}, {@link #B64_JSON}, or {@code null} for URLs. */
    @Override
    public String getResponseFormat() {
        return responseFormat;
    }

    /** Returns the width asked for; Runflow's models do not take it, so a call with it fails. */
    @Override
    public Integer getWidth() {
        return width;
    }

    /** Returns the height asked for; Runflow's models do not take it, so a call with it fails. */
    @Override
    public Integer getHeight() {
        return height;
    }

    /** Returns the style asked for; Runflow's models do not take it, so a call with it fails. */
    @Override
    public String getStyle() {
        return style;
    }

    /**
     * Returns the further model inputs, sent as given beside {@code prompt} and {@code seed}.
     *
     * @return an immutable map, empty if none
     */
    public Map<String, Object> getInputs() {
        return inputs;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RunflowImageOptions other
                && Objects.equals(model, other.model)
                && Objects.equals(n, other.n)
                && Objects.equals(seed, other.seed)
                && Objects.equals(responseFormat, other.responseFormat)
                && Objects.equals(width, other.width)
                && Objects.equals(height, other.height)
                && Objects.equals(style, other.style)
                && inputs.equals(other.inputs);
    }

    @Override
    public int hashCode() {
        return Objects.hash(model, n, seed, responseFormat, width, height, style, inputs);
    }

    @Override
    public String toString() {
        return "RunflowImageOptions[model=" + model + ", n=" + n + ", seed=" + seed + ", responseFormat="
                + responseFormat + ", width=" + width + ", height=" + height + ", style=" + style + ", inputs="
                + inputs + "]";
    }

    /** Builds {@link RunflowImageOptions}. Every value is optional. */
    public static final class Builder {

        private String model;
        private Integer n;
        private Long seed;
        private String responseFormat;
        private Integer width;
        private Integer height;
        private String style;
        private final Map<String, Object> inputs = new LinkedHashMap<>();

        private Builder() {}

        /**
         * Sets the model.
         *
         * @param model a Runflow model id such as {@code black-forest-labs/flux-1-1-pro-ultra}; default
         *     {@link #DEFAULT_MODEL}
         * @return this builder
         */
        public Builder model(String model) {
            this.model = Objects.requireNonNull(model, "model");
            return this;
        }

        /**
         * Sets how many images to generate; more than one runs as one Runflow batch.
         *
         * @param n 1 or more; default 1
         * @return this builder
         */
        public Builder n(int n) {
            this.n = n;
            return this;
        }

        /**
         * Sets the seed of the first image; image {@code i} of {@code n} gets {@code seed + i}.
         *
         * @param seed zero or positive; default none (the server picks)
         * @return this builder
         */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Sets the response format.
         *
         * @param responseFormat {@link #URL} (the default) or {@link #B64_JSON}
         * @return this builder
         */
        public Builder responseFormat(String responseFormat) {
            this.responseFormat = Objects.requireNonNull(responseFormat, "responseFormat");
            return this;
        }

        /**
         * Sets a width; Runflow's models do not take one, so a call with it fails.
         *
         * @param width the width in pixels
         * @return this builder
         */
        public Builder width(int width) {
            this.width = width;
            return this;
        }

        /**
         * Sets a height; Runflow's models do not take one, so a call with it fails.
         *
         * @param height the height in pixels
         * @return this builder
         */
        public Builder height(int height) {
            this.height = height;
            return this;
        }

        /**
         * Sets a style; Runflow's models do not take one, so a call with it fails.
         *
         * @param style the style
         * @return this builder
         */
        public Builder style(String style) {
            this.style = Objects.requireNonNull(style, "style");
            return this;
        }

        /**
         * Adds a model input sent as given, for example {@code aspect_ratio} or {@code output_format}.
         *
         * @param name the input's name; not {@code prompt} (the prompt's text) or {@code seed} (use
         *     {@link #seed(long)})
         * @param value a string, number, boolean, list or map
         * @return this builder
         */
        public Builder input(String name, Object value) {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
            if (name.equals("prompt") || name.equals("seed")) {
                throw new IllegalArgumentException(
                        name + " is set by the prompt and seed(..), not as an input: input(\"" + name + "\", ..)");
            }
            inputs.put(name, value);
            return this;
        }

        /**
         * Adds model inputs, as {@link #input(String, Object)} does one by one.
         *
         * @param inputs the inputs
         * @return this builder
         */
        public Builder inputs(Map<String, ?> inputs) {
            Objects.requireNonNull(inputs, "inputs").forEach(this::input);
            return this;
        }

        /**
         * Returns the options.
         *
         * @return immutable options
         */
        public RunflowImageOptions build() {
            return new RunflowImageOptions(this);
        }
    }
}
