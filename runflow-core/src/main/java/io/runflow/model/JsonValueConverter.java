package io.runflow.model;

import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalAmount;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Converts plain Java data to {@link JsonValue}s, naming the place of a value that has none. */
final class JsonValueConverter {

    private JsonValueConverter() {}

    static JsonValue from(Object value, String where) {
        if (value == null) {
            return JsonValue.JsonNull.INSTANCE;
        } else if (value instanceof JsonValue json) {
            return json;
        } else if (value instanceof CharSequence || value instanceof Character) {
            return new JsonValue.JsonString(value.toString());
        } else if (value instanceof Boolean bool) {
            return JsonValue.JsonBoolean.of(bool);
        } else if (value instanceof Number number) {
            return number(number, where);
        } else if (value instanceof Map<?, ?> map) {
            Map<String, JsonValue> members = new LinkedHashMap<>(Math.max(4, map.size() * 2));
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!(entry.getKey() instanceof String name)) {
                    throw new IllegalArgumentException(where + " has a key that is not a string: "
                            + (entry.getKey() == null
                                    ? "null"
                                    : entry.getKey().getClass().getName()));
                }
                members.put(name, from(entry.getValue(), where + "." + name));
            }
            return new JsonValue.JsonObject(members);
        } else if (value instanceof Iterable<?> iterable) {
            List<JsonValue> elements = new ArrayList<>();
            for (Object element : iterable) {
                elements.add(from(element, where + "[" + elements.size() + "]"));
            }
            return new JsonValue.JsonArray(elements);
        } else if (value.getClass().isArray()) {
            int length = Array.getLength(value);
            List<JsonValue> elements = new ArrayList<>(length);
            for (int i = 0; i < length; i++) {
                elements.add(from(Array.get(value, i), where + "[" + i + "]"));
            }
            return new JsonValue.JsonArray(elements);
        } else if (value instanceof Enum<?> constant) {
            return new JsonValue.JsonString(constant.name());
        } else if (value instanceof TemporalAccessor
                || value instanceof TemporalAmount
                || value instanceof UUID
                || value instanceof URI) {
            return new JsonValue.JsonString(value.toString());
        }
        throw new IllegalArgumentException(where + " is a " + value.getClass().getName()
                + ", which has no JSON form (use strings, numbers, booleans, lists and maps)");
    }

    private static JsonValue number(Number number, String where) {
        if (number instanceof BigDecimal decimal) {
            return new JsonValue.JsonNumber(decimal);
        } else if (number instanceof BigInteger whole) {
            return new JsonValue.JsonNumber(new BigDecimal(whole));
        } else if (number instanceof Double || number instanceof Float) {
            double d = number.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new IllegalArgumentException(where + " is " + d + ", which JSON cannot hold");
            }
            return new JsonValue.JsonNumber(new BigDecimal(number.toString()));
        }
        return new JsonValue.JsonNumber(BigDecimal.valueOf(number.longValue()));
    }
}
