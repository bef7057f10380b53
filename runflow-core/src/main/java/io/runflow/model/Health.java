package io.runflow.model;

/**
 * The answer of {@code GET /v1/health}, which comes as {@code {"ok": true}} or as {@code {"status":
 * "ok", ...}}: both are healthy.
 *
 * @param ok whether the service reports itself live
 * @param raw the body as received
 */
public record Health(boolean ok, JsonValue raw) {

    /** Normalises a missing {@code raw}. */
    public Health {
        raw = raw == null ? JsonValue.JsonNull.INSTANCE : raw;
    }

    /**
     * Returns the {@code status} the body carried, for the {@code {"status": "ok", ...}} shape.
     *
     * @return the status as sent, or empty for the {@code {"ok": true}} shape
     */
    public java.util.Optional<String> status() {
        return raw.path("status").asString();
    }
}
