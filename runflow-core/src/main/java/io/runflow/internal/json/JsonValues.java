package io.runflow.internal.json;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.runflow.internal.Frozen;
import io.runflow.model.JsonValue;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Moves JSON between Jackson's trees (the engine) and {@link JsonValue} (the API). Not public API.
 */
public final class JsonValues {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static final int SMALL_MIN = -16;
    private static final int SMALL_MAX = 255;

    /** Small whole numbers, shared: a record of an immutable {@code BigDecimal} needs no second copy. */
    private static final JsonValue.JsonNumber[] SMALL = new JsonValue.JsonNumber[SMALL_MAX - SMALL_MIN + 1];

    static {
        for (int i = SMALL_MIN; i <= SMALL_MAX; i++) {
            SMALL[i - SMALL_MIN] = new JsonValue.JsonNumber(BigDecimal.valueOf(i));
        }
    }

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
            LinkedHashMap<String, JsonValue> members = new LinkedHashMap<>(Math.max(4, node.size() * 2));
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                members.put(field.getKey(), of(field.getValue()));
            }
            return new JsonValue.JsonObject(Frozen.map(members));
        } else if (node.isArray()) {
            List<JsonValue> elements = new ArrayList<>(node.size());
            for (JsonNode element : node) {
                elements.add(of(element));
            }
            return new JsonValue.JsonArray(Frozen.list(elements));
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
     * Reads the value at the parser's current token straight into a {@link JsonValue}, with the
     * values {@link #of(JsonNode)} gives for the tree Jackson would have read: floating-point numbers
     * through a {@code double} (one no double holds, {@code 1e400}, becomes JSON {@code null}), a
     * repeated member name keeping its first place and last value. One tree, not two.
     *
     * @param parser a parser on the first token of the value
     * @return the value; the parser is left on its last token
     * @throws IOException if the text is not JSON, or passes the read limits
     */
    public static JsonValue read(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        switch (token == null ? JsonToken.NOT_AVAILABLE : token) {
            case START_OBJECT:
            case FIELD_NAME:
                LinkedHashMap<String, JsonValue> members = new LinkedHashMap<>();
                String name = token == JsonToken.FIELD_NAME ? parser.currentName() : parser.nextFieldName();
                for (; name != null; name = parser.nextFieldName()) {
                    parser.nextToken();
                    members.put(name, read(parser));
                }
                return new JsonValue.JsonObject(Frozen.map(members));
            case START_ARRAY:
                List<JsonValue> elements = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    elements.add(read(parser));
                }
                return new JsonValue.JsonArray(Frozen.list(elements));
            case VALUE_STRING:
                return new JsonValue.JsonString(parser.getText());
            case VALUE_NUMBER_INT:
                switch (parser.getNumberType()) {
                    case INT:
                    case LONG:
                        return whole(parser.getLongValue());
                    default:
                        return new JsonValue.JsonNumber(new BigDecimal(parser.getBigIntegerValue()));
                }
            case VALUE_NUMBER_FLOAT:
                double value = parser.getDoubleValue();
                return Double.isFinite(value)
                        ? new JsonValue.JsonNumber(BigDecimal.valueOf(value))
                        : JsonValue.JsonNull.INSTANCE;
            case VALUE_TRUE:
                return JsonValue.JsonBoolean.TRUE;
            case VALUE_FALSE:
                return JsonValue.JsonBoolean.FALSE;
            case VALUE_NULL:
                return JsonValue.JsonNull.INSTANCE;
            case VALUE_EMBEDDED_OBJECT:
                return of(parser.readValueAsTree());
            default:
                throw new JsonParseException(parser, "unexpected token " + token);
        }
    }

    /**
     * Reads a whole body in the plain form the API writes (ASCII text, the usual escapes, plain
     * numbers), without Jackson, into the value {@link #read(JsonParser)} gives for it.
     *
     * @param body the body
     * @return the value, or {@code null} when the body must be read with Jackson (anything outside
     *     that form, valid or not: Jackson then decides it, errors and limits included)
     */
    public static JsonValue readPlain(byte[] body) {
        return PlainJson.read(body);
    }

    /** A whole number, shared when small. */
    static JsonValue.JsonNumber whole(long value) {
        return value >= SMALL_MIN && value <= SMALL_MAX
                ? SMALL[(int) value - SMALL_MIN]
                : new JsonValue.JsonNumber(BigDecimal.valueOf(value));
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
