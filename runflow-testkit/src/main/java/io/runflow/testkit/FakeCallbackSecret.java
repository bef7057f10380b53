package io.runflow.testkit;

import java.time.Instant;
import java.util.Objects;

/**
 * A snapshot of one callback signing secret as the fake holds it, for assertions in tests. It holds
 * no secret material: the value of the current one is {@link FakeRunflowServer#webhookSecret()}.
 *
 * @param id the secret id
 * @param label the label, or null
 * @param keyPrefix the first characters of the value, e.g. {@code whsec_test}, as the API shows them
 * @param current whether it signs callbacks now
 * @param createdAt when it was created, on the server clock
 * @param updatedAt when it last changed, on the server clock
 */
public record FakeCallbackSecret(
        String id, String label, String keyPrefix, boolean current, Instant createdAt, Instant updatedAt) {

    /** Checks the required values. */
    public FakeCallbackSecret {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(keyPrefix, "keyPrefix");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
