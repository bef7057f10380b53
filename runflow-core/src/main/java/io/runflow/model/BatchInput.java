package io.runflow.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.runflow.internal.JsonTrees;
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
public record BatchInput(ObjectNode input, String clientRef) {

    /** Checks the reference and copies the input. */
    public BatchInput {
        Objects.requireNonNull(input, "input");
        if (input.has("client_ref")) {
            throw new IllegalArgumentException(
                    "input must not contain client_ref; give it with withClientRef(..) instead");
        }
        input = input.deepCopy();
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
        return new BatchInput(JsonTrees.objectOf(Objects.requireNonNull(input, "input"), "input"), null);
    }

    /**
     * Returns an item from an input given as a JSON object.
     *
     * @param input a JSON object
     * @return the item, without a client reference
     */
    public static BatchInput of(JsonNode input) {
        Objects.requireNonNull(input, "input");
        if (!input.isObject()) {
            throw new IllegalArgumentException("input must be a JSON object, got " + input.getNodeType());
        }
        return new BatchInput((ObjectNode) input, null);
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

    /** Returns the input (a copy: the item stays immutable). */
    @Override
    public ObjectNode input() {
        return input.deepCopy();
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
    public ObjectNode toJson() {
        ObjectNode item = input.deepCopy();
        if (clientRef != null) {
            item.put("client_ref", clientRef);
        }
        return item;
    }
}
