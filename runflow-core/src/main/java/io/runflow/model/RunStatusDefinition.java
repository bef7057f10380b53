package io.runflow.model;

import java.util.Objects;

/**
 * One run status the server knows ({@code GET /v1/runs/statuses}). The contract does not give the
 * response's shape; a plain string reads as a code alone.
 *
 * @param code the wire value, for example {@code partial_succeeded}
 * @param status the SDK's constant for it, {@link RunStatus#UNKNOWN} if this SDK does not know it
 * @param terminal whether the server calls it terminal, {@code null} if it does not say
 * @param description the server's description, {@code null} if none
 * @param raw the entry as received
 */
public record RunStatusDefinition(String code, RunStatus status, Boolean terminal, String description, JsonValue raw) {

    /** Checks the code and status. */
    public RunStatusDefinition {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(status, "status");
        raw = raw == null ? JsonValue.JsonNull.INSTANCE : raw;
    }
}
