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
 *
 * @param id the model id as it appears in {@code /v1/models/{id}/runs}, at least two segments
 * @param name the display name
 * @param requiredInputs input fields that must be non-blank strings, e.g. {@code prompt}
 * @param width the output image width in pixels, 1 to 8192
 * @param height the output image height in pixels, 1 to 8192
 * @param price the price per run as a decimal string, e.g. {@code 0.06}, reported as the run's cost
 * @param batches whether the model supports batches ({@code POST /v1/models/{id}/batches}); others
 *     answer 422 there, as models that are not template-backed do
 */
public record FakeModel(
        String id, String name, List<String> requiredInputs, int width, int height, String price, boolean batches) {

    /** The largest width or height the fake renders: a bigger JPEG would only exhaust the heap. */
    static final int MAX_IMAGE_SIDE = 8192;

    /** The FLUX 1.1 [pro] Ultra model id. */
    public static final String FLUX_PRO_ULTRA = "black-forest-labs/flux-1-1-pro-ultra";

    /**
     * A model that supports batches.
     *
     * @param id the model id
     * @param name the display name
     * @param requiredInputs input fields that must be non-blank strings
     * @param width the output image width
     * @param height the output image height
     * @param price the price per run as a decimal string
     */
    public FakeModel(String id, String name, List<String> requiredInputs, int width, int height, String price) {
        this(id, name, requiredInputs, width, height, price, true);
    }

    /** Checks the values and copies the input list. */
    public FakeModel {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(price, "price");
        requiredInputs = List.copyOf(requiredInputs);
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
        return new FakeModel(id, id, List.of(requiredInputs), width, height, "0.05");
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
                new FakeModel(FLUX_PRO_ULTRA, "FLUX 1.1 [pro] Ultra", List.of("prompt"), 2752, 1536, "0.06"),
                new FakeModel(
                        "black-forest-labs/flux-pro/kontext",
                        "FLUX.1 Kontext [pro]",
                        List.of("prompt", "image_url"),
                        1024,
                        1024,
                        "0.04"),
                new FakeModel(
                        "runflow/object-removal/prompt",
                        "Object Removal (prompt)",
                        List.of("image_url", "prompt"),
                        1024,
                        1024,
                        "0.02"));
    }

    /**
     * Returns the same model producing images of another size.
     *
     * @param newWidth width in pixels
     * @param newHeight height in pixels
     * @return a copy with the new size
     */
    public FakeModel withSize(int newWidth, int newHeight) {
        return new FakeModel(id, name, requiredInputs, newWidth, newHeight, price, batches);
    }

    /**
     * Returns the same model without batch support: its batch creates answer 422.
     *
     * @return a copy that does not support batches
     */
    public FakeModel withoutBatches() {
        return new FakeModel(id, name, requiredInputs, width, height, price, false);
    }
}
