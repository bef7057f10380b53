package io.runflow.model;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.runflow.internal.Frozen;
import io.runflow.internal.JsonLimits;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/** Reads {@link JsonValue}s straight from a Jackson parser of the SDK's one limited factory. */
final class JsonValueReader {

    private JsonValueReader() {}

    static JsonValue parse(String json) {
        try (JsonParser parser = JsonLimits.FACTORY.createParser(json)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new IllegalArgumentException("not JSON: the text is empty");
            }
            JsonValue value = read(parser, first);
            if (parser.nextToken() != null) {
                throw new IllegalArgumentException("not JSON: more than one value in the text");
            }
            return value;
        } catch (IOException e) {
            // Jackson's message is cut to its first line: it may quote part of the text.
            throw new IllegalArgumentException("not JSON: " + firstLine(e.getMessage()));
        }
    }

    private static JsonValue read(JsonParser parser, JsonToken token) throws IOException {
        switch (token) {
            case START_OBJECT:
                LinkedHashMap<String, JsonValue> members = new LinkedHashMap<>();
                for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
                    members.put(name, read(parser, parser.nextToken()));
                }
                return new JsonValue.JsonObject(Frozen.map(members));
            case START_ARRAY:
                List<JsonValue> elements = new ArrayList<>();
                for (JsonToken next = parser.nextToken(); next != JsonToken.END_ARRAY; next = parser.nextToken()) {
                    elements.add(read(parser, next));
                }
                return new JsonValue.JsonArray(Frozen.list(elements));
            case VALUE_STRING:
                return new JsonValue.JsonString(parser.getText());
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return new JsonValue.JsonNumber(new BigDecimal(parser.getText()));
            case VALUE_TRUE:
                return JsonValue.JsonBoolean.TRUE;
            case VALUE_FALSE:
                return JsonValue.JsonBoolean.FALSE;
            case VALUE_NULL:
                return JsonValue.JsonNull.INSTANCE;
            default:
                throw new IllegalArgumentException("not JSON: unexpected " + token);
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int cut = message.indexOf('\n');
        return cut < 0 ? message : message.substring(0, cut);
    }
}
