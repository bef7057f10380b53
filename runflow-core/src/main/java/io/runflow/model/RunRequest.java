package io.runflow.model;

import io.runflow.internal.ModelIds;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A request to run a model: the body of {@code POST /v1/models/{model}/runs} plus the model id and
 * the {@code Idempotency-Key}.
 *
 * <pre>{@code
 * RunRequest request = RunRequest.of("black-forest-labs/flux-1-1-pro-ultra", Map.of("prompt", "a fox"))
 *         .withCallbackUrl("https://example.com/hooks/runflow")
 *         .withMetadata(Map.of("order_id", "A-1001"));
 * }</pre>
 *
 * <p>Immutable: the {@code with...} methods return copies; the JSON values are immutable and shared.
 * Every check names the field it rejects.
 *
 * @param modelId the model id: one or more {@code /}-separated segments, none empty, {@code .} or
 *     {@code ..}
 * @param input the model input, a JSON object
 * @param callbackUrl an absolute http(s) URL of at most 2048 characters, or {@code null}
 * @param metadata a JSON object echoed in callbacks, or JSON {@code null} for none
 * @param clientRef a correlation reference of at most 255 characters, or {@code null}
 * @param idempotencyKey the {@code Idempotency-Key}, or {@code null} to have one generated for each
 *     create call (and kept across that call's retries)
 */
public record RunRequest(
        String modelId,
        JsonValue.JsonObject input,
        String callbackUrl,
        JsonValue metadata,
        String clientRef,
        String idempotencyKey) {

    /** The longest {@code callback_url} the API accepts. */
    public static final int MAX_CALLBACK_URL_LENGTH = 2048;

    /** The longest {@code client_ref} the API accepts. */
    public static final int MAX_CLIENT_REF_LENGTH = 255;

    /** The longest {@code Idempotency-Key} this SDK sends. */
    public static final int MAX_IDEMPOTENCY_KEY_LENGTH = 255;

    /** Validates every field; a {@code null} metadata is stored as JSON {@code null}. */
    public RunRequest {
        ModelIds.validate(modelId);
        if (input == null) {
            throw new IllegalArgumentException("input is required: pass the model's input as a JSON object");
        }
        if (callbackUrl != null) {
            validateCallbackUrl(callbackUrl);
        }
        metadata = metadata == null ? JsonValue.JsonNull.INSTANCE : metadata;
        if (!metadata.isNull() && !(metadata instanceof JsonValue.JsonObject)) {
            throw new IllegalArgumentException("metadata must be a JSON object, got " + kind(metadata));
        }
        if (clientRef != null && clientRef.length() > MAX_CLIENT_REF_LENGTH) {
            throw new IllegalArgumentException(
                    "clientRef must be at most " + MAX_CLIENT_REF_LENGTH + " characters, got " + clientRef.length());
        }
        if (idempotencyKey != null
                && (idempotencyKey.isBlank()
                        || idempotencyKey.length() > MAX_IDEMPOTENCY_KEY_LENGTH
                        || !idempotencyKey.chars().allMatch(c -> c > 0x20 && c < 0x7f))) {
            throw new IllegalArgumentException(
                    "idempotencyKey must be 1 to " + MAX_IDEMPOTENCY_KEY_LENGTH + " visible ASCII characters");
        }
    }

    /**
     * Returns a request for a model with an input given as a map (converted to a JSON object).
     *
     * @param modelId the model id, for example {@code black-forest-labs/flux-1-1-pro-ultra}
     * @param input the input fields
     * @return the request
     */
    public static RunRequest of(String modelId, Map<String, ?> input) {
        Objects.requireNonNull(input, "input");
        return new RunRequest(modelId, objectOf(input, "input"), null, null, null, null);
    }

    /**
     * Returns a request for a model with an input given as a JSON value.
     *
     * @param modelId the model id
     * @param input the input, which must be a JSON object
     * @return the request
     */
    public static RunRequest of(String modelId, JsonValue input) {
        return new RunRequest(modelId, requireObject("input", input), null, null, null, null);
    }

    /**
     * Returns a copy with a callback URL.
     *
     * @param url an absolute http(s) URL, or {@code null} for none
     * @return the copy
     */
    public RunRequest withCallbackUrl(String url) {
        return new RunRequest(modelId, input, url, metadata, clientRef, idempotencyKey);
    }

    /**
     * Returns a copy with a callback URL.
     *
     * @param url an absolute http(s) URL
     * @return the copy
     */
    public RunRequest withCallbackUrl(URI url) {
        return withCallbackUrl(Objects.requireNonNull(url, "callbackUrl").toString());
    }

    /**
     * Returns a copy with metadata, echoed verbatim in the run's callback.
     *
     * @param metadata the key/value pairs, or {@code null} for none
     * @return the copy
     */
    public RunRequest withMetadata(Map<String, ?> metadata) {
        JsonValue tree = metadata == null ? JsonValue.JsonNull.INSTANCE : objectOf(metadata, "metadata");
        return new RunRequest(modelId, input, callbackUrl, tree, clientRef, idempotencyKey);
    }

    /**
     * Returns a copy with metadata given as a JSON object.
     *
     * @param metadata a JSON object, or {@code null} or JSON {@code null} for none
     * @return the copy
     */
    public RunRequest withMetadata(JsonValue metadata) {
        return new RunRequest(modelId, input, callbackUrl, metadata, clientRef, idempotencyKey);
    }

    /**
     * Returns a copy with a client reference, filterable in the run list.
     *
     * @param clientRef at most 255 characters, or {@code null} for none
     * @return the copy
     */
    public RunRequest withClientRef(String clientRef) {
        return new RunRequest(modelId, input, callbackUrl, metadata, clientRef, idempotencyKey);
    }

    /**
     * Returns a copy with a fixed {@code Idempotency-Key}. Give one when the same logical create may
     * be submitted again after a crash; otherwise leave it unset and each create call generates one.
     *
     * @param idempotencyKey 1 to 255 visible ASCII characters, or {@code null} to generate per call
     * @return the copy
     */
    public RunRequest withIdempotencyKey(String idempotencyKey) {
        return new RunRequest(modelId, input, callbackUrl, metadata, clientRef, idempotencyKey);
    }

    private static JsonValue.JsonObject requireObject(String field, JsonValue value) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is required: pass a JSON object");
        }
        if (!(value instanceof JsonValue.JsonObject object)) {
            throw new IllegalArgumentException(field + " must be a JSON object, got " + kind(value));
        }
        return object;
    }

    /** Converts a user's map, naming the field in the message of a value that has no JSON form. */
    static JsonValue.JsonObject objectOf(Map<String, ?> values, String field) {
        return (JsonValue.JsonObject) JsonValueConverter.from(values, field);
    }

    static String kind(JsonValue value) {
        if (value instanceof JsonValue.JsonArray) {
            return "array";
        } else if (value instanceof JsonValue.JsonString) {
            return "string";
        } else if (value instanceof JsonValue.JsonNumber) {
            return "number";
        } else if (value instanceof JsonValue.JsonBoolean) {
            return "boolean";
        } else if (value instanceof JsonValue.JsonObject) {
            return "object";
        }
        return "null";
    }

    static void validateCallbackUrl(String url) {
        if (url.length() > MAX_CALLBACK_URL_LENGTH) {
            throw new IllegalArgumentException(
                    "callbackUrl must be at most " + MAX_CALLBACK_URL_LENGTH + " characters, got " + url.length());
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("callbackUrl is not a valid URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new IllegalArgumentException("callbackUrl must be an absolute http or https URL with a host");
        }
    }

    @Override
    public String toString() {
        return "RunRequest[modelId=" + modelId + ", callbackUrl=" + (callbackUrl != null) + ", clientRef=" + clientRef
                + "]";
    }
}
