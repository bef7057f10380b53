package io.runflow.internal.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.runflow.model.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Moves JSON between Jackson's trees (the engine) and {@link JsonValue} (the API). Not public API.
 */
public final class JsonValues {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonValues() {}

    /**
     * Converts a Jackson tree; {@code null} and a missing node become JSON {@code null}.
     *
     * @param node the tree, or {@code null}
     * @return the value
     */
    public static JsonValue of(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return JsonValue.JsonNull.INSTANCE;
        } else if (node.isObject()) {
            Map<String, JsonValue> members = new LinkedHashMap<>(Math.max(4, node.size() * 2));
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                members.put(field.getKey(), of(field.getValue()));
            }
            return new JsonValue.JsonObject(members);
        } else if (node.isArray()) {
            List<JsonValue> elements = new ArrayList<>(node.size());
            for (JsonNode element : node) {
                elements.add(of(element));
            }
            return new JsonValue.JsonArray(elements);
        } else if (node.isNumber()) {
            if (node.isFloatingPointNumber() && !Double.isFinite(node.doubleValue())) {
                // A number no double holds (1e400) was read as infinity: no exact value is left to keep.
                return JsonValue.JsonNull.INSTANCE;
            }
            return new JsonValue.JsonNumber(node.decimalValue());
        } else if (node.isBoolean()) {
            return JsonValue.JsonBoolean.of(node.booleanValue());
        } else if (node.isTextual()) {
            return new JsonValue.JsonString(node.textValue());
        }
        // Binary and POJO nodes are never read from text; their text form is the closest JSON.
        return new JsonValue.JsonString(node.asText());
    }

    /**
     * Converts a value to a Jackson tree, for writing a request body.
     *
     * @param value the value
     * @return a new tree the caller may own
     */
    public static JsonNode toNode(JsonValue value) {
        if (value instanceof JsonValue.JsonObject object) {
            ObjectNode node = NODES.objectNode();
            object.members().forEach((name, member) -> node.set(name, toNode(member)));
            return node;
        } else if (value instanceof JsonValue.JsonArray array) {
            ArrayNode node = NODES.arrayNode(array.elements().size());
            array.elements().forEach(element -> node.add(toNode(element)));
            return node;
        } else if (value instanceof JsonValue.JsonString string) {
            return NODES.textNode(string.value());
        } else if (value instanceof JsonValue.JsonNumber number) {
            Object plain = number.toJava();
            if (plain instanceof Integer whole) {
                return NODES.numberNode(whole);
            } else if (plain instanceof Long whole) {
                return NODES.numberNode(whole);
            } else if (plain instanceof java.math.BigInteger whole) {
                return NODES.numberNode(whole);
            }
            return NODES.numberNode(number.value());
        } else if (value instanceof JsonValue.JsonBoolean bool) {
            return NODES.booleanNode(bool.value());
        }
        return NODES.nullNode();
    }
}
