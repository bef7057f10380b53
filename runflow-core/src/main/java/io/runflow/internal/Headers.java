package io.runflow.internal;

import java.util.Collection;
import java.util.Map;

/** Case-insensitive header lookup over whatever map a transport has. Not public API. */
public final class Headers {

    private Headers() {}

    /**
     * Returns the first value of a header, ignoring the name's case.
     *
     * @param headers the headers
     * @param name the header name
     * @return the first value, or {@code null}
     */
    public static String first(Map<String, ? extends Collection<String>> headers, String name) {
        if (headers == null) {
            return null;
        }
        for (Map.Entry<String, ? extends Collection<String>> entry : headers.entrySet()) {
            if (entry.getKey() != null && entry.getKey().equalsIgnoreCase(name) && entry.getValue() != null) {
                for (String value : entry.getValue()) {
                    if (value != null) {
                        return value;
                    }
                }
            }
        }
        return null;
    }
}
