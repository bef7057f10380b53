package io.runflow.model;

/**
 * The answer of {@code GET /v1/health}.
 *
 * @param ok whether the service reports itself live
 * @param raw the body as received
 */
public record Health(boolean ok, JsonValue raw) {

    /** Normalises a missing {@code raw}. */
    public Health {
        raw = raw == null ? JsonValue.JsonNull.INSTANCE : raw;
    }
}
