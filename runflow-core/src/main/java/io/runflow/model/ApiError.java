package io.runflow.model;

import java.util.List;

/**
 * The error envelope every failed request answers with: {@code {code, message, errors}}.
 *
 * @param code a stable machine identifier such as {@code RUN_NOT_FOUND}; {@code null} if the body
 *     was not the envelope
 * @param message human-readable text; {@code null} if not given
 * @param errors field-level details (mostly for 422); empty, never {@code null}
 */
public record ApiError(String code, String message, List<FieldError> errors) {

    /** Copies the details. */
    public ApiError {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }
}
