package io.runflow.testkit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** An error answer in the documented {@code {code, message, errors}} envelope. */
final class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** One entry of {@code errors[]}: {@code {"field": "input.prompt", "message": "is required"}}. */
    record FieldError(String field, String message) {}

    private final int status;
    private final String code;
    private final transient List<FieldError> errors;

    ApiException(int status, String code, String message, List<FieldError> errors) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.errors = errors == null ? null : List.copyOf(errors);
    }

    static ApiException badRequest(String message) {
        return new ApiException(400, "BAD_REQUEST", message, null);
    }

    static ApiException notFound(String code, String message) {
        return new ApiException(404, code, message, null);
    }

    static ApiException validation(List<FieldError> errors) {
        return new ApiException(422, "VALIDATION_ERROR", "request validation failed", errors);
    }

    static ApiException validation(String field, String message) {
        return validation(List.of(new FieldError(field, message)));
    }

    int status() {
        return status;
    }

    Response toResponse() {
        return Response.json(status, envelope(code, getMessage(), errors));
    }

    static Response envelopeResponse(int status, String code, String message) {
        return Response.json(status, envelope(code, message, null));
    }

    static ObjectNode envelope(String code, String message, List<FieldError> errors) {
        ObjectNode body = Json.object().put("code", code).put("message", message);
        if (errors == null) {
            body.putNull("errors");
        } else {
            ArrayNode array = body.putArray("errors");
            errors.forEach(e -> array.addObject().put("field", e.field()).put("message", e.message()));
        }
        return body;
    }
}
