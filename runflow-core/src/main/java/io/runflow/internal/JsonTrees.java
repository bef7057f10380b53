package io.runflow.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.Map;

/**
 * Turns the maps users give for inputs and metadata into JSON trees. It knows no record of the SDK,
 * so the model package can use it without depending on the JSON mapping above it. Not public API.
 */
public final class JsonTrees {

    private static final ObjectMapper PLAIN =
            JsonMapper.builder().addModule(new JavaTimeModule()).build();

    private JsonTrees() {}

    /**
     * Converts a map to a JSON object.
     *
     * @param values the map; its values must be JSON-able (strings, numbers, booleans, lists, maps,
     *     {@code java.time} values, JSON nodes)
     * @param name what the map is, for the message of a value that cannot be converted
     * @return the object
     * @throws IllegalArgumentException naming {@code name} if a value cannot be converted
     */
    public static ObjectNode objectOf(Map<String, ?> values, String name) {
        try {
            return PLAIN.valueToTree(values);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    name + " must hold JSON values (strings, numbers, booleans, lists, maps), and one could not be"
                            + " converted: " + firstLine(e.getMessage()));
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown value";
        }
        int cut = message.indexOf('\n');
        String line = cut < 0 ? message : message.substring(0, cut);
        // Jackson appends the reference chain in parentheses; it names SDK internals, not the user's value.
        int chain = line.indexOf(" (through reference chain");
        return chain < 0 ? line : line.substring(0, chain);
    }
}
