package io.runflow.internal.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.runflow.model.JsonValue;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Lenient readers of single JSON fields: absent, {@code null} and wrongly typed values read as
 * {@code null} rather than failing the whole record (the record's raw JSON keeps the original).
 * Public only for the SDK's own packages (the webhook callback reader); not public API.
 */
public final class JsonFields {

    /** The longest text read as a number: the longest number token {@link RunflowJson} reads. */
    static final int MAX_NUMBER_TEXT = RunflowJson.MAX_NUMBER_LENGTH;

    /** The most digits a decimal may have before, and after, its point. */
    static final int MAX_DECIMAL_DIGITS = 1000;

    private JsonFields() {}

    /**
     * Reads a scalar field as text.
     *
     * @param node the object
     * @param field the field name
     * @return the text, or {@code null} when absent, {@code null} or a container
     */
    public static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || value.isContainerNode()) {
            return null;
        }
        return value.asText();
    }

    static String firstText(JsonNode node, String... fields) {
        for (String field : fields) {
            String value = text(node, field);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    static Long longValue(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isNumber() && !value.isTextual()) {
            return null;
        }
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return value.longValue();
        }
        BigDecimal number = value.isNumber() ? numberValue(value) : parseDecimal(value.asText());
        try {
            return number == null ? null : number.longValueExact();
        } catch (ArithmeticException notWhole) {
            return null;
        }
    }

    static Integer intValue(JsonNode node, String field) {
        Long value = longValue(node, field);
        return value == null || value > Integer.MAX_VALUE || value < Integer.MIN_VALUE ? null : value.intValue();
    }

    static Boolean bool(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isBoolean() ? value.booleanValue() : null;
    }

    static BigDecimal decimal(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isNumber()) {
            return numberValue(value);
        }
        return value.isTextual() ? parseDecimal(value.asText()) : null;
    }

    /** A JSON number as a decimal; {@code null} for one a double could not hold, such as {@code 1e400}. */
    private static BigDecimal numberValue(JsonNode value) {
        if (value.isFloatingPointNumber() && !Double.isFinite(value.doubleValue())) {
            return null;
        }
        return bounded(value.decimalValue());
    }

    /**
     * A number sent as text. Longer text than a JSON number token may be, or a value whose plain form
     * would pass {@link #MAX_DECIMAL_DIGITS} digits ({@code "1e999999999"}), reads as {@code null}:
     * converting such text costs time quadratic in its length, and such a value is no amount or count
     * the API sends.
     */
    private static BigDecimal parseDecimal(String text) {
        if (text.length() > MAX_NUMBER_TEXT) {
            return null;
        }
        try {
            return bounded(new BigDecimal(text.strip()));
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    private static BigDecimal bounded(BigDecimal value) {
        int scale = value.scale();
        // Digits before the point (precision - scale) and after it (scale), each at most the bound.
        return scale > MAX_DECIMAL_DIGITS || (long) value.precision() - scale > MAX_DECIMAL_DIGITS ? null : value;
    }

    /**
     * Reads a whole number of milliseconds.
     *
     * @param node the object
     * @param field the field name, such as {@code duration_ms}
     * @return the duration, or {@code null} when absent or not a whole number
     */
    public static Duration millis(JsonNode node, String field) {
        Long value = longValue(node, field);
        return value == null ? null : Duration.ofMillis(value);
    }

    /**
     * Reads a child node as it is.
     *
     * @param node the object
     * @param field the field name
     * @return the child, or {@code null} when absent or JSON {@code null}
     */
    public static JsonNode tree(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value;
    }

    /**
     * Reads a timestamp: {@code Z} and {@code +00:00} style offsets with 0 to 9 fraction digits; a
     * timestamp without an offset is taken as UTC.
     *
     * @param node the object
     * @param field the field name
     * @return the timestamp, or {@code null} when absent or unparseable
     */
    public static OffsetDateTime timestamp(JsonNode node, String field) {
        String value = text(node, field);
        return value == null ? null : parseTimestamp(value);
    }

    static OffsetDateTime parseTimestamp(String value) {
        String text = value.strip();
        OffsetDateTime common = parseCommonTimestamp(text);
        if (common != null) {
            return common;
        }
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(text, DateTimeFormatter.ISO_LOCAL_DATE_TIME)
                        .atOffset(ZoneOffset.UTC);
            } catch (DateTimeParseException unparseable) {
                return null;
            }
        }
    }
    /**
     * The API's own form, read without a {@link DateTimeFormatter} (which costs about a microsecond a
     * field): {@code yyyy-MM-ddTHH:mm:ss}, then 0 to 9 fraction digits after a {@code .}, then {@code
     * Z} or {@code +HH:MM}/{@code -HH:MM}. Anything else, an impossible date included, returns {@code
     * null} and is left to the formatters, so the result is always theirs.
     */
    static OffsetDateTime parseCommonTimestamp(String text) {
        int length = text.length();
        if (length < 20
                || text.charAt(4) != '-'
                || text.charAt(7) != '-'
                || text.charAt(10) != 'T'
                || text.charAt(13) != ':'
                || text.charAt(16) != ':') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        if ((year | month | day | hour | minute | second) < 0) {
            return null;
        }
        int at = 19;
        int nanos = 0;
        if (text.charAt(at) == '.') {
            int start = ++at;
            while (at < length && at - start < 10 && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
                nanos = nanos * 10 + (text.charAt(at) - '0');
                at++;
            }
            int count = at - start;
            if (count == 0 || count > 9) {
                return null;
            }
            for (int i = count; i < 9; i++) {
                nanos *= 10;
            }
        }
        ZoneOffset offset;
        if (at == length - 1 && text.charAt(at) == 'Z') {
            offset = ZoneOffset.UTC;
        } else if (at == length - 6
                && (text.charAt(at) == '+' || text.charAt(at) == '-')
                && text.charAt(at + 3) == ':') {
            int hours = digits(text, at + 1, 2);
            int minutes = digits(text, at + 4, 2);
            if ((hours | minutes) < 0 || hours > 18 || minutes > 59) {
                return null;
            }
            int sign = text.charAt(at) == '-' ? -1 : 1;
            offset = hours == 0 && minutes == 0
                    ? ZoneOffset.UTC
                    : ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
        } else {
            return null;
        }
        try {
            return OffsetDateTime.of(year, month, day, hour, minute, second, nanos, offset);
        } catch (java.time.DateTimeException impossible) {
            return null;
        }
    }

    /** The value of {@code count} ASCII digits from {@code start}, or -1. */
    private static int digits(String text, int start, int count) {
        int value = 0;
        for (int i = start; i < start + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /**
     * Checks that a record's node is a JSON object.
     *
     * @param node the node, or {@code null}
     * @param what what the record is, for the message ({@code run}, {@code batch}, ...)
     * @throws IllegalArgumentException if it is not an object
     */
    public static void requireObject(JsonNode node, String what) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException(
                    what + " must be a JSON object, got " + (node == null ? "nothing" : node.getNodeType()));
        }
    }

    /**
     * Reads a text field a record cannot do without.
     *
     * @param node the object
     * @param field the field name
     * @param what what the record is, for the message
     * @return the non-blank text
     * @throws IllegalArgumentException naming the record and field when absent or blank
     */
    public static String requireText(JsonNode node, String field, String what) {
        String value = text(node, field);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " has no \"" + field + "\"");
        }
        return value;
    }

    /** Whether {@code node} is an object whose {@code field} {@link #requireText} would accept. */
    public static boolean hasText(JsonNode node, String field) {
        if (node == null || !node.isObject()) {
            return false;
        }
        String value = text(node, field);
        return value != null && !value.isBlank();
    }

    /**
     * Reads a record's request id: the body's {@code request_id}, else the answer's header.
     *
     * @param node the object
     * @param headerRequestId the answer's {@code Runflow-Request-Id}, or {@code null}
     * @return the request id, or {@code null}
     */
    public static String requestId(JsonNode node, String headerRequestId) {
        String body = text(node, "request_id");
        return body != null && !body.isBlank() ? body : headerRequestId;
    }

    /**
     * Finds the first of several fields that holds an array (envelopes differ between pages).
     *
     * @param node the object
     * @param fields the field names, in order of preference
     * @return the array, or {@code null} when none holds one
     */
    public static JsonNode firstArray(JsonNode node, String... fields) {
        for (String field : fields) {
            if (node.path(field).isArray()) {
                return node.path(field);
            }
        }
        return null;
    }

    /**
     * Reads the first of several boolean fields that is present.
     *
     * @param node the object
     * @param fields the field names, in order of preference
     * @return the value, or {@code null} when none is a boolean
     */
    public static Boolean firstBool(JsonNode node, String... fields) {
        for (String field : fields) {
            Boolean value = bool(node, field);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- the same readers over JsonValue
    // Each reads a JsonValue as its JsonNode twin reads the tree JsonValues.of converts from: numbers
    // are whole (scale 0) when Jackson read an integer token, else the double it read, as a decimal.

    /**
     * Reads a scalar member as text, as {@link #text(JsonNode, String)} reads the tree.
     *
     * @param value the object
     * @param field the member name
     * @return the text, or {@code null} when absent, {@code null} or a container
     */
    public static String text(JsonValue value, String field) {
        return scalarText(value.path(field));
    }

    private static String scalarText(JsonValue member) {
        if (member instanceof JsonValue.JsonString string) {
            return string.value();
        } else if (member instanceof JsonValue.JsonNumber number) {
            BigDecimal decimal = number.value();
            // An integer token keeps scale 0; a double's decimal form is Double.toString's, as Jackson's text.
            return decimal.scale() == 0 ? decimal.toString() : Double.toString(decimal.doubleValue());
        } else if (member instanceof JsonValue.JsonBoolean bool) {
            return bool.value() ? "true" : "false";
        }
        return null;
    }

    static String firstText(JsonValue value, String... fields) {
        for (String field : fields) {
            String text = text(value, field);
            if (text != null) {
                return text;
            }
        }
        return null;
    }

    static Long longValue(JsonValue value, String field) {
        JsonValue member = value.path(field);
        BigDecimal number;
        if (member instanceof JsonValue.JsonNumber json) {
            number = bounded(json.value());
        } else if (member instanceof JsonValue.JsonString string) {
            number = parseDecimal(string.value());
        } else {
            return null;
        }
        try {
            return number == null ? null : number.longValueExact();
        } catch (ArithmeticException notWhole) {
            return null;
        }
    }

    static Integer intValue(JsonValue value, String field) {
        Long number = longValue(value, field);
        return number == null || number > Integer.MAX_VALUE || number < Integer.MIN_VALUE ? null : number.intValue();
    }

    static Boolean bool(JsonValue value, String field) {
        return value.path(field) instanceof JsonValue.JsonBoolean bool ? bool.value() : null;
    }

    static BigDecimal decimal(JsonValue value, String field) {
        JsonValue member = value.path(field);
        if (member instanceof JsonValue.JsonNumber number) {
            return bounded(number.value());
        }
        return member instanceof JsonValue.JsonString string ? parseDecimal(string.value()) : null;
    }

    static Duration millis(JsonValue value, String field) {
        Long number = longValue(value, field);
        return number == null ? null : Duration.ofMillis(number);
    }

    static OffsetDateTime timestamp(JsonValue value, String field) {
        String text = text(value, field);
        return text == null ? null : parseTimestamp(text);
    }

    static void requireObject(JsonValue value, String what) {
        if (!(value instanceof JsonValue.JsonObject)) {
            throw new IllegalArgumentException(what + " must be a JSON object, got " + nodeType(value));
        }
    }

    /** The name Jackson's {@code JsonNodeType} gives the kind, for messages as the tree readers word them. */
    private static String nodeType(JsonValue value) {
        if (value == null) {
            return "nothing";
        } else if (value instanceof JsonValue.JsonArray) {
            return "ARRAY";
        } else if (value instanceof JsonValue.JsonString) {
            return "STRING";
        } else if (value instanceof JsonValue.JsonNumber) {
            return "NUMBER";
        } else if (value instanceof JsonValue.JsonBoolean) {
            return "BOOLEAN";
        } else if (value instanceof JsonValue.JsonObject) {
            return "OBJECT";
        }
        return "NULL";
    }

    static boolean hasText(JsonValue value, String field) {
        if (!(value instanceof JsonValue.JsonObject)) {
            return false;
        }
        String text = text(value, field);
        return text != null && !text.isBlank();
    }

    static String requireText(JsonValue value, String field, String what) {
        String text = text(value, field);
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(what + " has no \"" + field + "\"");
        }
        return text;
    }

    static String requestId(JsonValue value, String headerRequestId) {
        String body = text(value, "request_id");
        return body != null && !body.isBlank() ? body : headerRequestId;
    }
}
