package io.runflow.internal;

import java.util.UUID;

/** The one place that makes {@code Idempotency-Key} values. Not public API. */
public final class IdempotencyKeys {

    private IdempotencyKeys() {}

    /**
     * Returns a new key: a random UUID, unique per logical request.
     *
     * @return the key
     */
    public static String generate() {
        return UUID.randomUUID().toString();
    }
}
