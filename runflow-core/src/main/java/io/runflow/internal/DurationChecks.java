package io.runflow.internal;

import java.time.Duration;
import java.util.Objects;

/**
 * The argument checks every builder of core applies to its {@link Duration} settings, with one
 * wording for all of them. Not public API.
 */
public final class DurationChecks {

    private DurationChecks() {}

    /**
     * Checks that a duration is above zero.
     *
     * @param value the duration
     * @param name the setting's name, for the messages
     * @return the value
     * @throws IllegalArgumentException {@code "<name> must be positive, got <value>"}
     */
    public static Duration positive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
        return value;
    }

    /**
     * Checks that a duration is zero or above.
     *
     * @param value the duration
     * @param name the setting's name, for the messages
     * @return the value
     * @throws IllegalArgumentException {@code "<name> must not be negative, got <value>"}
     */
    public static Duration nonNegative(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative, got " + value);
        }
        return value;
    }
}
