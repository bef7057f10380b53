package io.runflow.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * A callback signing secret of the organization ({@code /v1/callback-secrets}).
 *
 * <p>The secret material ({@code plain_secret}) is returned once, by the create call; {@link
 * #toString()} never shows it.
 *
 * @param id the secret's id
 * @param orgId the organization
 * @param keyPrefix the first characters of the secret, safe to show
 * @param current whether this secret signs new deliveries
 * @param label a label
 * @param plainSecret the secret itself, only on the create response, else {@code null}
 * @param disabledAt when it was disabled, if it was
 * @param lastUsedAt when it last signed a delivery
 * @param createdAt when it was created
 * @param updatedAt when it was last changed
 * @param raw the record as received (without the secret material)
 */
public record CallbackSecret(
        String id,
        String orgId,
        String keyPrefix,
        boolean current,
        String label,
        String plainSecret,
        OffsetDateTime disabledAt,
        OffsetDateTime lastUsedAt,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        JsonNode raw) {

    /** Checks the id and normalises a missing {@code raw}. */
    public CallbackSecret {
        Objects.requireNonNull(id, "id");
        raw = raw == null ? MissingNode.getInstance() : raw;
    }

    /**
     * Returns the secret material, present only on the response of the create call.
     *
     * @return the {@code whsec_...} secret, or empty
     */
    public Optional<String> secret() {
        return Optional.ofNullable(plainSecret);
    }

    @Override
    public String toString() {
        return "CallbackSecret[id=" + id + ", keyPrefix=" + keyPrefix + ", current=" + current + ", label=" + label
                + ", plainSecret=" + (plainSecret == null ? "null" : "***") + "]";
    }
}
