package io.runflow.model;

/**
 * One field-level detail of a validation error ({@code errors[]} of the error envelope). The shape
 * is not documented, so the field is read from {@code field}, {@code loc} or {@code path}, and the
 * text from {@code message} or {@code msg}; the whole entry stays in {@link #raw()}.
 *
 * @param field the offending field, for example {@code input.prompt}; {@code null} if not given
 * @param message what is wrong with it; {@code null} if not given
 * @param raw the entry as received
 */
public record FieldError(String field, String message, JsonValue raw) {

    /** Normalises a missing {@code raw}. */
    public FieldError {
        raw = raw == null ? JsonValue.JsonNull.INSTANCE : raw;
    }

    @Override
    public String toString() {
        return (field == null ? "?" : field) + ": " + (message == null ? "invalid" : message);
    }
}
