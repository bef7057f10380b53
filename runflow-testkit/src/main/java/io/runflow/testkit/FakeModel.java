package io.runflow.testkit;

import java.util.List;
import java.util.Objects;

/**
 * A model in the fake's catalog: its id as used in paths ({@code owner/slug}, possibly more
 * segments), the input fields it requires, and the size of the one JPEG it produces.
 *
 * <pre>{@code
 * FakeModel sketch = FakeModel.image("acme/sketch/v2", 512, 512, "prompt");
 * }</pre>
 */
public final class FakeModel {

    private final String id;
    private final String name;
    private final List<String> requiredInputs;
    private final int width;
    private final int height;
    private final String price;
    private final boolean batches;

    private FakeModel(Builder builder) {
        this.id = builder.id;
        this.name = builder.name;
        this.requiredInputs = builder.requiredInputs == null ? List.of() : List.copyOf(builder.requiredInputs);
        this.width = builder.width;
        this.height = builder.height;
        this.price = builder.price;
        this.batches = builder.batches;
        String[] segments = id.split("/", -1);
        boolean valid = segments.length >= 2;
        for (String segment : segments) {
            valid &= !segment.isEmpty() && !segment.equals(".") && !segment.equals("..");
        }
        if (!valid) {
            throw new IllegalArgumentException("model id must be owner/slug with non-empty segments: " + id);
        }
        checkImageSize(width, height);
    }

    /**
     * Returns a new builder.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns a builder holding this value's fields, to build a changed copy.
     *
     * @return a builder initialised from this value
     */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Returns the model id as it appears in {@code /v1/models/{id}/runs}, at least two segments.
     *
     * @return the model id as it appears in {@code /v1/models/{id}/runs}, at least two segments
     */
    public String id() {
        return id;
    }

    /**
     * Returns the display name.
     *
     * @return the display name
     */
    public String name() {
        return name;
    }

    /**
     * Returns input fields that must be non-blank strings, e.g. {@code prompt}.
     *
     * @return input fields that must be non-blank strings, e.g. {@code prompt}
     */
    public List<String> requiredInputs() {
        return requiredInputs;
    }

    /**
     * Returns the output image width in pixels, 1 to 8192.
     *
     * @return the output image width in pixels, 1 to 8192
     */
    public int width() {
        return width;
    }

    /**
     * Returns the output image height in pixels, 1 to 8192.
     *
     * @return the output image height in pixels, 1 to 8192
     */
    public int height() {
        return height;
    }

    /**
     * Returns the price per run as a decimal string, e.g. {@code 0.06}, reported as the run's cost.
     *
     * @return the price per run as a decimal string, e.g. {@code 0.06}, reported as the run's cost
     */
    public String price() {
        return price;
    }

    /**
     * Returns whether the model supports batches ({@code POST /v1/models/{id}/batches}); others answer 422 there, as models that are not template-backed do.
     *
     * @return whether the model supports batches ({@code POST /v1/models/{id}/batches}); others answer 422 there, as models that are not template-backed do
     */
    public boolean batches() {
        return batches;
    }

    /** The largest width or height the fake renders: a bigger JPEG would only exhaust the heap. */
    static final int MAX_IMAGE_SIDE = 8192;

    /** The FLUX 1.1 [pro] Ultra model id. */
    public static final String FLUX_PRO_ULTRA = "black-forest-labs/flux-1-1-pro-ultra";

    static void checkImageSize(int width, int height) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("image size must be positive: " + width + "x" + height);
        }
        if (width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE) {
            throw new IllegalArgumentException("image size must be at most " + MAX_IMAGE_SIDE + "x" + MAX_IMAGE_SIDE
                    + ": " + width + "x" + height);
        }
    }

    /**
     * An image model with the given output size.
     *
     * @param id the model id, at least {@code owner/slug}
     * @param width output width in pixels
     * @param height output height in pixels
     * @param requiredInputs input fields that must be present as non-blank strings
     * @return the model, named after its id and priced at {@code 0.05}
     */
    public static FakeModel image(String id, int width, int height, String... requiredInputs) {
        return FakeModel.builder()
                .id(id)
                .name(id)
                .requiredInputs(List.of(requiredInputs))
                .width(width)
                .height(height)
                .price("0.05")
                .build();
    }

    /**
     * The default catalog: FLUX 1.1 [pro] Ultra (2752x1536, requires {@code prompt}, $0.06), FLUX.1
     * Kontext [pro] ({@code black-forest-labs/flux-pro/kontext}, the image editor: requires {@code
     * prompt} and {@code image_url}, $0.04) and {@code runflow/object-removal/prompt}, the last two with
     * ids of three segments.
     *
     * @return the default models
     */
    public static List<FakeModel> defaults() {
        return List.of(
                FakeModel.builder()
                        .id(FLUX_PRO_ULTRA)
                        .name("FLUX 1.1 [pro] Ultra")
                        .requiredInputs(List.of("prompt"))
                        .width(2752)
                        .height(1536)
                        .price("0.06")
                        .build(),
                FakeModel.builder()
                        .id("black-forest-labs/flux-pro/kontext")
                        .name("FLUX.1 Kontext [pro]")
                        .requiredInputs(List.of("prompt", "image_url"))
                        .width(1024)
                        .height(1024)
                        .price("0.04")
                        .build(),
                FakeModel.builder()
                        .id("runflow/object-removal/prompt")
                        .name("Object Removal (prompt)")
                        .requiredInputs(List.of("image_url", "prompt"))
                        .width(1024)
                        .height(1024)
                        .price("0.02")
                        .build());
    }

    /**
     * Returns the same model producing images of another size.
     *
     * @param newWidth width in pixels
     * @param newHeight height in pixels
     * @return a copy with the new size
     */
    public FakeModel withSize(int newWidth, int newHeight) {
        return toBuilder().width(newWidth).height(newHeight).build();
    }

    /**
     * Returns the same model without batch support: its batch creates answer 422.
     *
     * @return a copy that does not support batches
     */
    public FakeModel withoutBatches() {
        return toBuilder().batches(false).build();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        return o instanceof FakeModel other
                && Objects.equals(id, other.id)
                && Objects.equals(name, other.name)
                && Objects.equals(requiredInputs, other.requiredInputs)
                && width == other.width
                && height == other.height
                && Objects.equals(price, other.price)
                && batches == other.batches;
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, name, requiredInputs, width, height, price, batches);
    }

    @Override
    public String toString() {
        return "FakeModel[id=" + id + ", name=" + name + ", requiredInputs=" + requiredInputs + ", width=" + width
                + ", height=" + height + ", price=" + price + ", batches=" + batches + "]";
    }

    /** Builds a {@link FakeModel}; id, name, price are required. */
    public static final class Builder {

        private String id;
        private String name;
        private List<String> requiredInputs = List.of();
        private int width;
        private int height;
        private String price;
        private boolean batches = true;

        private Builder() {}

        private Builder(FakeModel source) {
            this.id = source.id;
            this.name = source.name;
            this.requiredInputs = source.requiredInputs;
            this.width = source.width;
            this.height = source.height;
            this.price = source.price;
            this.batches = source.batches;
        }

        /**
         * Sets {@code id}.
         *
         * @param id the model id as it appears in {@code /v1/models/{id}/runs}, at least two segments, not null
         * @return this builder
         */
        public Builder id(String id) {
            this.id = Objects.requireNonNull(id, "id");
            return this;
        }

        /**
         * Sets {@code name}.
         *
         * @param name the display name, not null
         * @return this builder
         */
        public Builder name(String name) {
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        /**
         * Sets {@code requiredInputs}.
         *
         * @param requiredInputs input fields that must be non-blank strings, e.g. {@code prompt}; {@code null} for none
         * @return this builder
         */
        public Builder requiredInputs(List<String> requiredInputs) {
            this.requiredInputs = requiredInputs == null ? List.of() : List.copyOf(requiredInputs);
            return this;
        }

        /**
         * Sets {@code width}.
         *
         * @param width the output image width in pixels, 1 to 8192
         * @return this builder
         */
        public Builder width(int width) {
            this.width = width;
            return this;
        }

        /**
         * Sets {@code height}.
         *
         * @param height the output image height in pixels, 1 to 8192
         * @return this builder
         */
        public Builder height(int height) {
            this.height = height;
            return this;
        }

        /**
         * Sets {@code price}.
         *
         * @param price the price per run as a decimal string, e.g. {@code 0.06}, reported as the run's cost, not null
         * @return this builder
         */
        public Builder price(String price) {
            this.price = Objects.requireNonNull(price, "price");
            return this;
        }

        /**
         * Sets {@code batches}.
         *
         * @param batches whether the model supports batches (default true) ({@code POST /v1/models/{id}/batches}); others answer 422 there, as models that are not template-backed do
         * @return this builder
         */
        public Builder batches(boolean batches) {
            this.batches = batches;
            return this;
        }

        /**
         * Builds the value.
         *
         * @return the value
         * @throws IllegalStateException if a required value is not set
         */
        public FakeModel build() {
            if (id == null) {
                throw new IllegalStateException("id is required");
            }
            if (name == null) {
                throw new IllegalStateException("name is required");
            }
            if (price == null) {
                throw new IllegalStateException("price is required");
            }
            return new FakeModel(this);
        }
    }
}
