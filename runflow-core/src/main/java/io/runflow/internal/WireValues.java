package io.runflow.internal;

import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads the open sets the server sends (statuses, events): case and surrounding white space ignored,
 * alternative spellings mapped, and anything else mapped to the enum's {@code UNKNOWN}. Not public
 * API.
 */
public final class WireValues {

    private WireValues() {}

    /**
     * Maps a wire value to a constant.
     *
     * @param <E> the enum
     * @param raw the value as sent; may be {@code null}
     * @param constants the enum's constants
     * @param wireValue each constant's canonical wire value
     * @param aliases other spellings (lower case) and the constants they stand for
     * @param unknown the constant for {@code null} and for values not known
     * @return the constant
     */
    public static <E extends Enum<E>> E from(
            String raw, E[] constants, Function<E, String> wireValue, Map<String, E> aliases, E unknown) {
        if (raw == null) {
            return unknown;
        }
        String normalized = raw.strip().toLowerCase(Locale.ROOT);
        E alias = aliases.get(normalized);
        if (alias != null) {
            return alias;
        }
        for (E constant : constants) {
            if (constant != unknown && wireValue.apply(constant).equals(normalized)) {
                return constant;
            }
        }
        return unknown;
    }
}
