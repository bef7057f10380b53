package io.runflow.internal.json;

import com.fasterxml.jackson.databind.JsonNode;
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
        try {
            return new BigDecimal(value.asText().strip()).longValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
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
            return value.decimalValue();
        }
        try {
            return value.isTextual() ? new BigDecimal(value.asText().strip()) : null;
        } catch (NumberFormatException e) {
            return null;
        }
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
}
