package io.runflow.internal.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.runflow.errors.RunflowDecodingException;
import io.runflow.model.JsonValue;
import io.runflow.model.Run;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.Objects;

/**
 * Reads a 2xx body into the type an endpoint answers. Every way a body can be wrong (empty, {@code
 * null}, not JSON, too deep, trailing data, not the documented shape) is a {@link
 * RunflowDecodingException} naming the endpoint; no Jackson or JDK exception escapes, and no message
 * quotes more of the body than the first two characters of a broken token. Transports make one per return type and call {@link #read} for each answer. Not
 * public API.
 */
public final class BodyReader {

    private final ObjectReader reader;
    private final String expected;

    /** A {@link Run} read by the SDK's own mapper: a plain body may skip Jackson (see {@link #read}). */
    private final boolean plainRun;

    private BodyReader(ObjectReader reader, String expected, boolean plainRun) {
        this.reader = reader;
        this.expected = expected;
        this.plainRun = plainRun;
    }

    /**
     * Returns a reader of one type.
     *
     * @param mapper the mapper, normally {@link RunflowJson#mapper()}
     * @param type the type, for example {@code Run.class} or {@code Page<Run>}
     * @return the reader, immutable and thread-safe
     */
    public static BodyReader of(ObjectMapper mapper, Type type) {
        Objects.requireNonNull(mapper, "mapper");
        Objects.requireNonNull(type, "type");
        // One answer is one value: anything after it (two answers run together) is not the shape.
        ObjectReader reader =
                mapper.readerFor(mapper.constructType(type)).with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        return new BodyReader(reader, name(type), type == Run.class && mapper == RunflowJson.mapper());
    }

    /**
     * Reads one answer.
     *
     * @param endpoint the endpoint for the message, for example {@code GET /v1/runs/{id}}
     * @param status the HTTP status, for the message of an empty body
     * @param body the body as received; {@code null} is taken as empty
     * @param requestId the answer's request id, for records whose body has none; or {@code null}
     * @return the value, never {@code null}
     * @throws RunflowDecodingException if the body is not a value of the type
     */
    public Object read(String endpoint, int status, byte[] body, String requestId) {
        if (body == null || body.length == 0) {
            throw new RunflowDecodingException(
                    endpoint + ": empty response body (HTTP " + status + "), expected " + expected, null);
        }
        if (plainRun) {
            // The plain form the API writes, read without Jackson into the value the SDK's Run
            // deserializer reads, then the same RunWire.run; anything else, and any body that reader
            // rejects, goes through Jackson below, which decides it and words its message.
            JsonValue plain = JsonValues.readPlain(body);
            if (plain instanceof JsonValue.JsonObject) {
                try {
                    return RunWire.run(plain, requestId);
                } catch (RuntimeException e) {
                    // read again below
                }
            }
        }
        Object value;
        try {
            // No attribute reads as null, as a null one does: without one, no copy of the reader's config.
            value = requestId == null
                    ? reader.readValue(body)
                    : reader.withAttribute(RunflowJson.REQUEST_ID_ATTRIBUTE, requestId)
                            .readValue(body);
        } catch (JsonProcessingException e) {
            throw new RunflowDecodingException(endpoint + ": " + describe(e), e);
        } catch (IOException | RuntimeException e) {
            throw new RunflowDecodingException(
                    endpoint + ": cannot read " + expected + ": " + e.getClass().getSimpleName(), e);
        }
        if (value == null) {
            throw new RunflowDecodingException(endpoint + ": response body was null, expected " + expected, null);
        }
        if (value instanceof Collection && ((Collection<?>) value).contains(null)) {
            // A JSON null in a top-level list (List<CallbackDelivery>) is no record: the caller would
            // get a list holding null, which no list of the SDK ever does.
            throw new RunflowDecodingException(endpoint + ": cannot read " + expected + ": an element is null", null);
        }
        return value;
    }

    private String describe(JsonProcessingException e) {
        // The original message leaves out Jackson's source location.
        String message = e.getOriginalMessage();
        if (message != null && message.startsWith("cannot read ")) {
            return message;
        }
        return "cannot read " + expected + ": " + message;
    }

    /**
     * Names a type the way messages show it: {@code Run}, {@code Page<Run>}.
     *
     * @param type the type
     * @return its short name
     */
    public static String name(Type type) {
        if (type instanceof Class) {
            return ((Class<?>) type).getSimpleName();
        }
        if (type instanceof ParameterizedType) {
            ParameterizedType parameterized = (ParameterizedType) type;
            StringBuilder text = new StringBuilder(name(parameterized.getRawType())).append('<');
            Type[] arguments = parameterized.getActualTypeArguments();
            for (int i = 0; i < arguments.length; i++) {
                text.append(i == 0 ? "" : ", ").append(name(arguments[i]));
            }
            return text.append('>').toString();
        }
        return type.getTypeName();
    }

    @Override
    public String toString() {
        return "BodyReader[" + expected + "]";
    }
}
