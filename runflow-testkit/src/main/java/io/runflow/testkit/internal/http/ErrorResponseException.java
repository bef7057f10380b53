package io.runflow.testkit.internal.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** An error answer in the documented {@code {code, message, errors}} envelope. */
public final class ErrorResponseException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * One entry of {@code errors[]}: {@code {"field": "input.prompt", "message": "is required"}}, with
     * an {@code error_type} when one is given.
     */
    public record FieldError(String field, String message, String errorType) {
        /** An entry without an {@code error_type}. */
        public FieldError(String field, String message) {
            this(field, message, null);
        }
    }

    private final int status;
    private final String code;
    private final transient List<FieldError> errors;

    public ErrorResponseException(int status, String code, String message, List<FieldError> errors) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.errors = errors == null ? null : List.copyOf(errors);
    }

    public static ErrorResponseException badRequest(String message) {
        return new ErrorResponseException(400, "BAD_REQUEST", message, null);
    }

    public static ErrorResponseException notFound(String code, String message) {
        return new ErrorResponseException(404, code, message, null);
    }

    public static ErrorResponseException validation(List<FieldError> errors) {
        return new ErrorResponseException(422, "VALIDATION_ERROR", "request validation failed", errors);
    }

    public static ErrorResponseException validation(String field, String message) {
        return validation(List.of(new FieldError(field, message)));
    }

    public int status() {
        return status;
    }

    public Response toResponse() {
        return Response.json(status, envelope(code, getMessage(), errors));
    }

    static Response envelopeResponse(int status, String code, String message) {
        return Response.json(status, envelope(code, message, null));
    }

    public static ObjectNode envelope(String code, String message, List<FieldError> errors) {
        ObjectNode body = Json.object().put("code", code).put("message", message);
        if (errors == null) {
            body.putNull("errors");
        } else {
            ArrayNode array = body.putArray("errors");
            errors.forEach(e -> {
                ObjectNode entry = array.addObject().put("field", e.field()).put("message", e.message());
                if (e.errorType() != null) {
                    entry.put("error_type", e.errorType());
                }
            });
        }
        return body;
    }
}
