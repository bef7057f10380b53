package io.runflow.model;

import io.runflow.internal.Frozen;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable JSON value: what the SDK hands out for JSON-shaped data it does not model (a run's
 * input and metadata, whole answers as received, model defaults, fields this SDK does not know).
 *
 * <p>The SDK's own type, so that no JSON library's tree appears in its API: a Jackson 2 app, a
 * Spring Boot 4 app on Jackson 3 and an app without Jackson see the same values. Values are
 * immutable and shared: accessors never copy. Switch on the six kinds, or use the lenient helpers:
 *
 * <pre>{@code
 * JsonValue metadata = run.metadata();
 * String order = metadata.path("order_id").asString().orElse("none");
 * Map<String, Object> plain = metadata.asMap(); // strings, numbers, booleans, nulls, lists, maps
 * String text = metadata.toJson();              // compact JSON
 * }</pre>
 */
public sealed interface JsonValue
        permits JsonValue.JsonObject,
                JsonValue.JsonArray,
                JsonValue.JsonString,
                JsonValue.JsonNumber,
                JsonValue.JsonBoolean,
                JsonValue.JsonNull {

    /**
     * Parses JSON text, with the SDK's read limits (nesting depth 1,000, numbers of 1,000 characters,
     * strings of 20,000,000).
     *
     * @param json the text
     * @return the value
     * @throws IllegalArgumentException if the text is not one JSON value; the message quotes no part of
     *     the text
     */
    static JsonValue parse(String json) {
        return JsonValueReader.parse(Objects.requireNonNull(json, "json"));
    }

    /**
     * Converts plain Java data to JSON: {@code null}, {@link JsonValue}s, strings, characters, numbers,
     * booleans, maps with string keys, iterables and arrays of those; enums become their names, and
     * other values whose text is their JSON form ({@code java.time} values, {@code UUID}, {@code URI})
     * become strings.
     *
     * @param value the value
     * @return the JSON value
     * @throws IllegalArgumentException naming the place and type of a value that has no JSON form
     */
    static JsonValue from(Object value) {
        return JsonValueConverter.from(value, "value");
    }

    /**
     * Returns a JSON object of the given members, in the map's iteration order.
     *
     * @param members the members; values converted as by {@link #from(Object)}
     * @return the object
     */
    static JsonObject object(Map<String, ?> members) {
        return (JsonObject) JsonValueConverter.from(Objects.requireNonNull(members, "members"), "value");
    }

    /**
     * Returns JSON {@code null}.
     *
     * @return {@link JsonNull#INSTANCE}
     */
    static JsonNull nullValue() {
        return JsonNull.INSTANCE;
    }

    /**
     * Writes this value as compact JSON text.
     *
     * @return the text
     */
    default String toJson() {
        StringBuilder out = new StringBuilder();
        JsonValueWriter.write(this, out);
        return out.toString();
    }

    /**
     * Returns the member of an object, or {@link JsonNull} when this is not an object or has no such
     * member; chains safely: {@code raw.path("output").path("seed")}.
     *
     * @param name the member name
     * @return the member, or JSON {@code null}
     */
    default JsonValue path(String name) {
        return JsonNull.INSTANCE;
    }

    /**
     * Returns an element of an array, or {@link JsonNull} when this is not an array or the index is
     * out of range.
     *
     * @param index the index
     * @return the element, or JSON {@code null}
     */
    default JsonValue path(int index) {
        return JsonNull.INSTANCE;
    }

    /**
     * Tells whether this is JSON {@code null} (which also stands for an absent value).
     *
     * @return true for {@link JsonNull}
     */
    default boolean isNull() {
        return false;
    }

    /**
     * Returns the text of a JSON string.
     *
     * @return the text; empty for any other kind
     */
    default Optional<String> asString() {
        return Optional.empty();
    }

    /**
     * Returns the value of a JSON number.
     *
     * @return the number; empty for any other kind
     */
    default Optional<BigDecimal> asNumber() {
        return Optional.empty();
    }

    /**
     * Returns the value of a JSON boolean.
     *
     * @return the boolean; empty for any other kind
     */
    default Optional<Boolean> asBoolean() {
        return Optional.empty();
    }

    /**
     * Returns an object as plain Java: an unmodifiable map in member order whose values are {@code
     * String}, {@code Integer}/{@code Long}/{@code BigInteger} (whole numbers), {@code BigDecimal}
     * (other numbers), {@code Boolean}, {@code null}, lists and maps of those.
     *
     * @return the map; empty for JSON {@code null}
     * @throws IllegalStateException if this is neither an object nor {@code null}
     */
    default Map<String, Object> asMap() {
        throw new IllegalStateException("not a JSON object but " + kind());
    }

    /**
     * Returns an array as plain Java (elements as in {@link #asMap()}), unmodifiable.
     *
     * @return the list; empty for JSON {@code null}
     * @throws IllegalStateException if this is neither an array nor {@code null}
     */
    default List<Object> asList() {
        throw new IllegalStateException("not a JSON array but " + kind());
    }

    /**
     * Returns this value as plain Java: a map, list, string, number, boolean or {@code null}, as in
     * {@link #asMap()}.
     *
     * @return the plain value
     */
    Object toJava();

    private String kind() {
        if (this instanceof JsonObject) {
            return "an object";
        } else if (this instanceof JsonArray) {
            return "an array";
        } else if (this instanceof JsonString) {
            return "a string";
        } else if (this instanceof JsonNumber) {
            return "a number";
        } else if (this instanceof JsonBoolean) {
            return "a boolean";
        }
        return "null";
    }

    /**
     * A JSON object: members in the order received.
     *
     * @param members the members, copied into an unmodifiable map that keeps their order
     */
    record JsonObject(Map<String, JsonValue> members) implements JsonValue {

        /** The empty object. */
        public static final JsonObject EMPTY = new JsonObject(Map.of());

        /** Copies the members; a {@code null} member value is stored as {@link JsonNull}. */
        public JsonObject {
            Objects.requireNonNull(members, "members");
            // The SDK's own readers hand over a map already frozen: an answer is not copied twice.
            members = Frozen.isFrozen(members) ? members : copyOf(members);
        }

        private static Map<String, JsonValue> copyOf(Map<String, JsonValue> members) {
            LinkedHashMap<String, JsonValue> copy = new LinkedHashMap<>(Math.max(4, members.size() * 2));
            members.forEach((name, value) ->
                    copy.put(Objects.requireNonNull(name, "member name"), value == null ? JsonNull.INSTANCE : value));
            return Collections.unmodifiableMap(copy);
        }

        @Override
        public JsonValue path(String name) {
            JsonValue value = members.get(name);
            return value == null ? JsonNull.INSTANCE : value;
        }

        /**
         * Returns a member when present.
         *
         * @param name the member name
         * @return the member, or empty when absent
         */
        public Optional<JsonValue> get(String name) {
            return Optional.ofNullable(members.get(name));
        }

        @Override
        public Map<String, Object> asMap() {
            LinkedHashMap<String, Object> plain = new LinkedHashMap<>(Math.max(4, members.size() * 2));
            members.forEach((name, value) -> plain.put(name, value.toJava()));
            return Collections.unmodifiableMap(plain);
        }

        @Override
        public Object toJava() {
            return asMap();
        }

        @Override
        public String toString() {
            return toJson();
        }
    }

    /**
     * A JSON array.
     *
     * @param elements the elements, copied into an unmodifiable list
     */
    record JsonArray(List<JsonValue> elements) implements JsonValue {

        /** The empty array. */
        public static final JsonArray EMPTY = new JsonArray(List.of());

        /** Copies the elements; a {@code null} element is stored as {@link JsonNull}. */
        public JsonArray {
            Objects.requireNonNull(elements, "elements");
            elements = Frozen.isFrozen(elements) ? elements : copyOf(elements);
        }

        private static List<JsonValue> copyOf(List<JsonValue> elements) {
            List<JsonValue> copy = new ArrayList<>(elements.size());
            for (JsonValue element : elements) {
                copy.add(element == null ? JsonNull.INSTANCE : element);
            }
            return Collections.unmodifiableList(copy);
        }

        @Override
        public JsonValue path(int index) {
            return index >= 0 && index < elements.size() ? elements.get(index) : JsonNull.INSTANCE;
        }

        @Override
        public List<Object> asList() {
            List<Object> plain = new ArrayList<>(elements.size());
            for (JsonValue element : elements) {
                plain.add(element.toJava());
            }
            return Collections.unmodifiableList(plain);
        }

        @Override
        public Object toJava() {
            return asList();
        }

        @Override
        public String toString() {
            return toJson();
        }
    }

    /**
     * A JSON string.
     *
     * @param value the text
     */
    record JsonString(String value) implements JsonValue {

        /** Checks the text. */
        public JsonString {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public Optional<String> asString() {
            return Optional.of(value);
        }

        @Override
        public Object toJava() {
            return value;
        }

        @Override
        public String toString() {
            return toJson();
        }
    }

    /**
     * A JSON number, kept exactly as a {@link BigDecimal}. Equal when numerically equal: {@code 1.0}
     * equals {@code 1}.
     *
     * @param value the number
     */
    record JsonNumber(BigDecimal value) implements JsonValue {

        /** Checks the number. */
        public JsonNumber {
            Objects.requireNonNull(value, "value");
        }

        /**
         * Returns a JSON number of a whole value.
         *
         * @param value the value
         * @return the number
         */
        public static JsonNumber of(long value) {
            return new JsonNumber(BigDecimal.valueOf(value));
        }

        @Override
        public Optional<BigDecimal> asNumber() {
            return Optional.of(value);
        }

        /**
         * Returns the value as a {@code long} when it is a whole number in range.
         *
         * @return the value, or empty when fractional or out of range
         */
        public Optional<Long> longValue() {
            try {
                return Optional.of(value.longValueExact());
            } catch (ArithmeticException e) {
                return Optional.empty();
            }
        }

        @Override
        public Object toJava() {
            if (value.scale() <= 0 || value.stripTrailingZeros().scale() <= 0) {
                try {
                    BigInteger whole = value.toBigIntegerExact();
                    if (whole.bitLength() < 32) {
                        return whole.intValue();
                    }
                    return whole.bitLength() < 64 ? (Object) whole.longValue() : whole;
                } catch (ArithmeticException e) {
                    return value;
                }
            }
            return value;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof JsonNumber number && value.compareTo(number.value) == 0;
        }

        @Override
        public int hashCode() {
            return value.signum() == 0 ? 0 : value.stripTrailingZeros().hashCode();
        }

        @Override
        public String toString() {
            return toJson();
        }
    }

    /**
     * A JSON boolean.
     *
     * @param value the value
     */
    record JsonBoolean(boolean value) implements JsonValue {

        /** JSON {@code true}. */
        public static final JsonBoolean TRUE = new JsonBoolean(true);

        /** JSON {@code false}. */
        public static final JsonBoolean FALSE = new JsonBoolean(false);

        /**
         * Returns the shared instance for a value.
         *
         * @param value the value
         * @return {@link #TRUE} or {@link #FALSE}
         */
        public static JsonBoolean of(boolean value) {
            return value ? TRUE : FALSE;
        }

        @Override
        public Optional<Boolean> asBoolean() {
            return Optional.of(value);
        }

        @Override
        public Object toJava() {
            return value;
        }

        @Override
        public String toString() {
            return toJson();
        }
    }

    /** JSON {@code null}; also what the SDK returns for an absent JSON-shaped value. */
    enum JsonNull implements JsonValue {
        /** The one instance. */
        INSTANCE;

        @Override
        public boolean isNull() {
            return true;
        }

        @Override
        public Map<String, Object> asMap() {
            return Map.of();
        }

        @Override
        public List<Object> asList() {
            return List.of();
        }

        @Override
        public Object toJava() {
            return null;
        }

        @Override
        public String toString() {
            return "null";
        }
    }
}
