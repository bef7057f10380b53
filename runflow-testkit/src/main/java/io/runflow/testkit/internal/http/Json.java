package io.runflow.testkit.internal.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.runflow.model.JsonValue;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * JSON for the wire, built as Jackson trees by hand: the fake never uses core's model records, so
 * the SDK's decoding is tested against JSON written independently of it.
 */
public final class Json {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final DateTimeFormatter API_TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSX").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter API_TIME_WHOLE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssX").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter CALLBACK_TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSxxx").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter CALLBACK_TIME_WHOLE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx").withZone(ZoneOffset.UTC);

    /** Created on first use, so that starting the server does not pay for it. */
    private static final class Holder {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    private Json() {}

    public static ObjectNode object() {
        return NODES.objectNode();
    }

    public static ArrayNode array() {
        return NODES.arrayNode();
    }

    /** Converts a tree to the SDK's JSON value (through text: the fake's trees are small). */
    public static JsonValue value(JsonNode node) {
        return node == null || node.isMissingNode() ? JsonValue.JsonNull.INSTANCE : JsonValue.parse(node.toString());
    }

    /** Converts the SDK's JSON value to a tree. */
    public static JsonNode node(JsonValue value) {
        try {
            return Holder.MAPPER.readTree(value.toJson());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read JSON", e);
        }
    }

    public static byte[] write(JsonNode node) {
        try {
            return Holder.MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    /**
     * Parses a request body.
     *
     * @throws ErrorResponseException 400 when the bytes are not JSON
     */
    public static JsonNode parse(byte[] body) {
        try {
            JsonNode node = Holder.MAPPER.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw ErrorResponseException.badRequest("request body is empty; a JSON object is required");
            }
            return node;
        } catch (IOException e) {
            throw ErrorResponseException.badRequest("request body is not valid JSON");
        }
    }

    /**
     * Parses bytes that may be JSON.
     *
     * @param body the bytes
     * @return the tree, or null when they are empty or not JSON
     */
    public static JsonNode tryParse(byte[] body) {
        try {
            JsonNode node = Holder.MAPPER.readTree(body);
            return node == null || node.isMissingNode() ? null : node;
        } catch (IOException e) {
            return null;
        }
    }

    /** API responses: UTC with {@code Z} and microseconds, like {@code 2026-05-06T10:00:00.123456Z}. */
    public static String apiTime(Instant instant) {
        Instant micros = instant.truncatedTo(ChronoUnit.MICROS);
        return (micros.getNano() == 0 ? API_TIME_WHOLE : API_TIME).format(micros);
    }

    /**
     * Callback bodies: Python's {@code isoformat()}, {@code +00:00} and no fraction when it is zero,
     * as the contract documents for byte-stable signatures.
     */
    public static String callbackTime(Instant instant) {
        Instant micros = instant.truncatedTo(ChronoUnit.MICROS);
        return (micros.getNano() == 0 ? CALLBACK_TIME_WHOLE : CALLBACK_TIME).format(micros);
    }

    /** Puts a text field, or JSON {@code null} when there is no value (the API sends nulls, not gaps). */
    public static void putNullable(ObjectNode node, String field, String value) {
        if (value == null) {
            node.putNull(field);
        } else {
            node.put(field, value);
        }
    }

    public static JsonNode time(Instant instant) {
        return instant == null ? NODES.nullNode() : NODES.textNode(apiTime(instant));
    }
}
