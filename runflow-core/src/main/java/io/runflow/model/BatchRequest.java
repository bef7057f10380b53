package io.runflow.model;

import io.runflow.internal.ModelIds;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A request to run a model over 1 to 100 inputs at once: the body of {@code POST
 * /v1/models/{model}/batches} ({@code input[]}, {@code metadata}, {@code callback_url}) plus the model
 * id and the {@code Idempotency-Key}. Only models that support batches accept it (others answer 422).
 *
 * <pre>{@code
 * BatchRequest request = BatchRequest.of("runflow/object-removal/prompt", List.of(
 *                 BatchInput.of(Map.of("image_url", "https://cdn.example.com/01.jpg", "prompt", "the car"))
 *                         .withClientRef("sku-01")))
 *         .withCallbackUrl("https://example.com/hooks/runflow");
 * }</pre>
 *
 * @param modelId the model id, as for {@link RunRequest#modelId()}
 * @param inputs the items, 1 to 100, in order
 * @param metadata a JSON object kept on the batch, or JSON {@code null} for none
 * @param callbackUrl where the one batch callback goes, at most 2048 characters, or {@code null}
 * @param idempotencyKey the {@code Idempotency-Key}, or {@code null} to have one generated per create
 *     call
 */
public record BatchRequest(
        String modelId, List<BatchInput> inputs, JsonValue metadata, String callbackUrl, String idempotencyKey) {

    /** The most items a batch may have. */
    public static final int MAX_ITEMS = 100;

    /** Validates every field and copies the list; a {@code null} metadata is stored as JSON {@code null}. */
    public BatchRequest {
        ModelIds.validate(modelId);
        Objects.requireNonNull(inputs, "inputs");
        if (inputs.isEmpty() || inputs.size() > MAX_ITEMS) {
            throw new IllegalArgumentException("a batch needs 1 to " + MAX_ITEMS + " inputs, got " + inputs.size());
        }
        for (int i = 0; i < inputs.size(); i++) {
            Objects.requireNonNull(inputs.get(i), "inputs[" + i + "]");
        }
        inputs = List.copyOf(inputs);
        metadata = metadata == null ? JsonValue.JsonNull.INSTANCE : metadata;
        if (!metadata.isNull() && !(metadata instanceof JsonValue.JsonObject)) {
            throw new IllegalArgumentException("metadata must be a JSON object, got " + RunRequest.kind(metadata));
        }
        if (callbackUrl != null) {
            RunRequest.validateCallbackUrl(callbackUrl);
        }
        if (idempotencyKey != null
                && (idempotencyKey.isBlank()
                        || idempotencyKey.length() > RunRequest.MAX_IDEMPOTENCY_KEY_LENGTH
                        || !idempotencyKey.chars().allMatch(c -> c > 0x20 && c < 0x7f))) {
            throw new IllegalArgumentException("idempotencyKey must be 1 to " + RunRequest.MAX_IDEMPOTENCY_KEY_LENGTH
                    + " visible ASCII characters");
        }
    }

    /**
     * Returns a request for a model over the given items.
     *
     * @param modelId the model id
     * @param inputs 1 to 100 items
     * @return the request
     */
    public static BatchRequest of(String modelId, List<BatchInput> inputs) {
        return new BatchRequest(modelId, inputs, null, null, null);
    }

    /**
     * Returns a request over typed inputs, which must all be for the same model.
     *
     * @param inputs 1 to 100 typed inputs, for example {@code FluxProUltra.input("a fox")}
     * @return the request for their model
     * @throws IllegalArgumentException if the inputs are for different models
     */
    public static BatchRequest of(List<? extends ModelInput> inputs) {
        Objects.requireNonNull(inputs, "inputs");
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("a batch needs 1 to " + MAX_ITEMS + " inputs, got 0");
        }
        String model = null;
        List<BatchInput> items = new ArrayList<>(inputs.size());
        for (ModelInput input : inputs) {
            RunRequest request = Objects.requireNonNull(input, "input").toRequest();
            if (model != null && !model.equals(request.modelId())) {
                throw new IllegalArgumentException(
                        "a batch runs one model; got inputs for " + model + " and " + request.modelId());
            }
            model = request.modelId();
            items.add(new BatchInput(request.input(), null));
        }
        return of(model, items);
    }

    /**
     * Returns a copy with a callback URL for the one callback sent when every item is done.
     *
     * @param url an absolute http(s) URL, or {@code null} for none
     * @return the copy
     */
    public BatchRequest withCallbackUrl(String url) {
        return new BatchRequest(modelId, inputs, metadata, url, idempotencyKey);
    }

    /**
     * Returns a copy with a callback URL.
     *
     * @param url an absolute http(s) URL
     * @return the copy
     */
    public BatchRequest withCallbackUrl(URI url) {
        return withCallbackUrl(Objects.requireNonNull(url, "callbackUrl").toString());
    }

    /**
     * Returns a copy with metadata.
     *
     * @param metadata the key/value pairs, or {@code null} for none
     * @return the copy
     */
    public BatchRequest withMetadata(Map<String, ?> metadata) {
        JsonValue tree = metadata == null ? JsonValue.JsonNull.INSTANCE : RunRequest.objectOf(metadata, "metadata");
        return new BatchRequest(modelId, inputs, tree, callbackUrl, idempotencyKey);
    }

    /**
     * Returns a copy with metadata given as a JSON object.
     *
     * @param metadata a JSON object, or {@code null} or JSON {@code null} for none
     * @return the copy
     */
    public BatchRequest withMetadata(JsonValue metadata) {
        return new BatchRequest(modelId, inputs, metadata, callbackUrl, idempotencyKey);
    }

    /**
     * Returns a copy with a fixed {@code Idempotency-Key}: the same key and body replay the first
     * answer (the same batch), the same key with another body is a 409.
     *
     * @param idempotencyKey 1 to 255 visible ASCII characters, or {@code null} to generate per call
     * @return the copy
     */
    public BatchRequest withIdempotencyKey(String idempotencyKey) {
        return new BatchRequest(modelId, inputs, metadata, callbackUrl, idempotencyKey);
    }

    @Override
    public String toString() {
        return "BatchRequest[modelId=" + modelId + ", inputs=" + inputs.size() + ", callbackUrl="
                + (callbackUrl != null) + "]";
    }
}
