package io.runflow.testkit.internal.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.runflow.testkit.FakeModel;
import io.runflow.testkit.internal.http.ErrorResponseException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A validated create body. Every problem becomes one {@code errors[]} entry naming the field with a
 * dotted path ({@code input.prompt}), all reported together in one 422.
 */
record CreateRequest(ObjectNode input, String callbackUrl, JsonNode metadata, String clientRef, Long seed) {

    static CreateRequest validate(JsonNode body, FakeModel model) {
        if (!body.isObject()) {
            throw ErrorResponseException.badRequest("request body must be a JSON object");
        }
        List<ErrorResponseException.FieldError> errors = new ArrayList<>();
        JsonNode input = body.get("input");
        Long seed = validateInput(input, model, "input", errors);
        String callbackUrl = text(body, "callback_url", 2048, errors);
        if (callbackUrl != null && !isHttpUrl(callbackUrl)) {
            errors.add(new ErrorResponseException.FieldError("callback_url", "must be an absolute http or https URL"));
        }
        JsonNode metadata = body.get("metadata");
        if (metadata != null && !metadata.isNull() && !metadata.isObject()) {
            errors.add(new ErrorResponseException.FieldError("metadata", "must be an object or null"));
        }
        String clientRef = text(body, "client_ref", 255, errors);
        if (!errors.isEmpty()) {
            throw ErrorResponseException.validation(errors);
        }
        return new CreateRequest(
                ((ObjectNode) input).deepCopy(),
                callbackUrl,
                metadata == null || metadata.isNull() ? null : metadata.deepCopy(),
                clientRef,
                seed);
    }

    /**
     * Checks one model input against the model: its required fields non-blank strings, {@code seed} a
     * non-negative integer. Problems are added to {@code errors} under {@code path}.
     *
     * @return the seed, or null
     */
    static Long validateInput(
            JsonNode input, FakeModel model, String path, List<ErrorResponseException.FieldError> errors) {
        Long seed = null;
        if (input == null || input.isNull()) {
            errors.add(new ErrorResponseException.FieldError(path, "is required"));
        } else if (!input.isObject()) {
            errors.add(new ErrorResponseException.FieldError(path, "must be an object"));
        } else {
            for (String field : model.requiredInputs()) {
                JsonNode value = input.get(field);
                if (value == null || value.isNull()) {
                    errors.add(new ErrorResponseException.FieldError(path + "." + field, "is required"));
                } else if (!value.isTextual() || value.textValue().isBlank()) {
                    errors.add(new ErrorResponseException.FieldError(path + "." + field, "must be a non-blank string"));
                }
            }
            JsonNode sync = input.get("sync_mode");
            if (sync != null && !sync.isNull() && !sync.isBoolean()) {
                errors.add(new ErrorResponseException.FieldError(path + ".sync_mode", "must be a boolean"));
            }
            JsonNode s = input.get("seed");
            if (s != null && !s.isNull()) {
                if (!s.canConvertToLong() || !s.isIntegralNumber() || s.longValue() < 0) {
                    errors.add(new ErrorResponseException.FieldError(path + ".seed", "must be a non-negative integer"));
                } else {
                    seed = s.longValue();
                }
            }
        }
        return seed;
    }

    static String text(JsonNode body, String field, int max, List<ErrorResponseException.FieldError> errors) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            errors.add(new ErrorResponseException.FieldError(field, "must be a string or null"));
            return null;
        }
        if (value.textValue().length() > max) {
            errors.add(new ErrorResponseException.FieldError(field, "must be at most " + max + " characters"));
            return null;
        }
        return value.textValue();
    }

    static boolean isHttpUrl(String value) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
