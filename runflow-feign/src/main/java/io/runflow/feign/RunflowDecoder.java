package io.runflow.feign;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import feign.Response;
import feign.RetryableException;
import feign.codec.Decoder;
import io.runflow.errors.RunflowDecodingException;
import io.runflow.internal.Redaction;
import io.runflow.internal.json.ApiErrors;
import io.runflow.internal.json.RunflowJson;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads 2xx bodies with core's mapper. A body that is empty, {@code null} or not the documented shape
 * is a {@link RunflowDecodingException} naming the endpoint; a body that could not be read off the
 * wire is an I/O failure, retried like any other.
 *
 * <p>The body is read to bytes first (to tell an empty body from a broken one) and parsed from the
 * bytes: feign-jackson's {@code JacksonDecoder} would parse through a {@code Reader}, which measured
 * slower here for no gain. Requests are written by {@link RunflowEncoder}.
 *
 * <p>Jackson's messages quote the token it could not read, which in a broken callback-secret answer
 * may be the secret material itself: a failure's message, and its cause where that quotes one, are
 * masked like log lines ({@link Redaction}).
 */
final class RunflowDecoder implements Decoder {

    private final ObjectMapper mapper;
    /** One reader per return type: spares the type construction and root look-up on every call. */
    private final Map<Type, ObjectReader> readers = new ConcurrentHashMap<>();

    private final String apiKey;

    RunflowDecoder(ObjectMapper mapper) {
        this(mapper, null);
    }

    RunflowDecoder(ObjectMapper mapper, String apiKey) {
        this.mapper = mapper;
        this.apiKey = apiKey;
    }

    @Override
    public Object decode(Response response, Type type) {
        String endpoint = Endpoints.of(response.request());
        byte[] body = readBody(response, endpoint);
        if (body.length == 0) {
            throw new RunflowDecodingException(
                    endpoint + ": empty response body (HTTP " + response.status() + "), expected " + name(type), null);
        }
        Object value;
        try {
            value = readers.computeIfAbsent(type, t -> mapper.readerFor(mapper.constructType(t)))
                    .withAttribute(RunflowJson.REQUEST_ID_ATTRIBUTE, requestId(response))
                    .readValue(body);
        } catch (JsonProcessingException e) {
            throw failure(endpoint + ": " + describe(e, type), e);
        } catch (IOException | RuntimeException e) {
            throw failure(endpoint + ": cannot read " + name(type) + ": " + e.getMessage(), e);
        }
        if (value == null) {
            throw new RunflowDecodingException(endpoint + ": response body was null, expected " + name(type), null);
        }
        return value;
    }

    private RunflowDecodingException failure(String message, Exception cause) {
        Throwable kept = cause;
        for (Throwable t = cause; t != null; t = t.getCause()) {
            // Jackson builds its message anew on each call: compare the text, not the instance.
            String text = t.getMessage();
            if (text != null && !Redaction.redact(text, apiKey).equals(text)) {
                kept = new MaskedCause(cause, apiKey);
                break;
            }
        }
        return new RunflowDecodingException(Redaction.redact(message, apiKey), kept);
    }

    /** The answer's request id, for records whose body has no {@code request_id}; read as errors read it. */
    private static String requestId(Response response) {
        String value = ApiErrors.requestId(response.headers());
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static byte[] readBody(Response response, String endpoint) {
        if (response.body() == null) {
            return new byte[0];
        }
        try (InputStream in = response.body().asInputStream()) {
            // JavaNetClient hands over a byte array: reading it back is one copy.
            return in.readAllBytes();
        } catch (IOException e) {
            // The status line arrived but the body did not: the same as any other broken connection.
            throw new RetryableException(
                    -1,
                    endpoint + ": " + e.getClass().getSimpleName(),
                    response.request().httpMethod(),
                    e,
                    (Long) null,
                    response.request());
        }
    }

    private static String describe(JsonProcessingException e, Type type) {
        // The original message leaves out Jackson's source location, which may quote the body.
        String message = e.getOriginalMessage();
        if (message != null && message.startsWith("cannot read ")) {
            return message;
        }
        return "cannot read " + name(type) + ": " + message;
    }

    static String name(Type type) {
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

    /**
     * Stands in for a parsing failure whose message quotes a secret: the same class name and stack
     * trace, the message masked, the deeper causes left out.
     */
    private static final class MaskedCause extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MaskedCause(Throwable original, String apiKey) {
            super(original.getClass().getName() + ": " + Redaction.redact(original.getMessage(), apiKey));
            setStackTrace(original.getStackTrace());
        }
    }
}
