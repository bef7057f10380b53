package io.runflow.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One item of a batch: a model input, and the item's own {@code client_ref}. On the wire the
 * reference travels inside the item ({@code {"prompt": "...", "client_ref": "sku-01"}}) and the
 * server strips it before validating the input against the model.
 *
 * <pre>{@code
 * BatchInput item = BatchInput.of(Map.of("prompt", "white studio")).withClientRef("sku-01");
 * }</pre>
 *
 * @param input the model input, a JSON object without {@code client_ref}
 * @param clientRef the item's correlation reference of at most 255 characters, or {@code null}
 */
public record BatchInput(JsonValue.JsonObject input, String clientRef) {

    /** Checks the input and the reference. */
    public BatchInput {
        Objects.requireNonNull(input, "input");
        if (input.members().containsKey("client_ref")) {
            throw new IllegalArgumentException(
                    "input must not contain client_ref; give it with withClientRef(..) instead");
        }
        if (clientRef != null && clientRef.length() > RunRequest.MAX_CLIENT_REF_LENGTH) {
            throw new IllegalArgumentException("clientRef must be at most " + RunRequest.MAX_CLIENT_REF_LENGTH
                    + " characters, got " + clientRef.length());
        }
    }

    /**
     * Returns an item from input fields given as a map.
     *
     * @param input the input fields
     * @return the item, without a client reference
     */
    public static BatchInput of(Map<String, ?> input) {
        return new BatchInput(RunRequest.objectOf(Objects.requireNonNull(input, "input"), "input"), null);
    }

    /**
     * Returns an item from an input given as a JSON object.
     *
     * @param input a JSON object
     * @return the item, without a client reference
     */
    public static BatchInput of(JsonValue input) {
        Objects.requireNonNull(input, "input");
        if (!(input instanceof JsonValue.JsonObject object)) {
            throw new IllegalArgumentException("input must be a JSON object, got " + RunRequest.kind(input));
        }
        return new BatchInput(object, null);
    }

    /**
     * Returns an item from a typed model input; its model must be the batch's model.
     *
     * @param input for example {@code FluxProUltra.input("a fox")}
     * @return the item, without a client reference
     */
    public static BatchInput of(ModelInput input) {
        return new BatchInput(Objects.requireNonNull(input, "input").toRequest().input(), null);
    }

    /**
     * Returns a copy with a client reference.
     *
     * @param clientRef at most 255 characters, or {@code null} for none
     * @return the copy
     */
    public BatchInput withClientRef(String clientRef) {
        return new BatchInput(input, clientRef);
    }

    /**
     * Returns the item as it travels in the batch's {@code input} array.
     *
     * @return the input with {@code client_ref} added when set
     */
    public JsonValue.JsonObject toWire() {
        if (clientRef == null) {
            return input;
        }
        LinkedHashMap<String, JsonValue> item = new LinkedHashMap<>(input.members());
        item.put("client_ref", new JsonValue.JsonString(clientRef));
        return new JsonValue.JsonObject(item);
    }
}
