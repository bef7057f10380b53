package io.runflow.feign;

import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Response;
import feign.RetryableException;
import feign.codec.Decoder;
import io.runflow.errors.RunflowDecodingException;
import io.runflow.internal.Redaction;
import io.runflow.internal.json.ApiErrors;
import io.runflow.internal.json.BodyReader;
import java.io.IOException;
import java.lang.reflect.Type;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads 2xx bodies with core's mapper through core's {@link BodyReader}: a body that is empty, {@code
 * null} or not the documented shape is a {@link io.runflow.errors.RunflowDecodingException} naming
 * the endpoint; a body that could not be read off the wire is an I/O failure, retried like any other.
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
    private final Map<Type, BodyReader> readers = new ConcurrentHashMap<>();

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
        try {
            return readers.computeIfAbsent(type, t -> BodyReader.of(mapper, t))
                    .read(endpoint, response.status(), body, requestId(response));
        } catch (RunflowDecodingException e) {
            throw masked(e);
        }
    }

    /** The failure itself when nothing in it quotes the API key or a secret; else a masked copy. */
    private RunflowDecodingException masked(RunflowDecodingException failure) {
        String message = failure.getMessage();
        Throwable cause = failure.getCause();
        boolean quotes = message != null && !Redaction.redact(message, apiKey).equals(message);
        Throwable kept = cause;
        for (Throwable t = cause; t != null; t = t.getCause()) {
            // Jackson builds its message anew on each call: compare the text, not the instance.
            String text = t.getMessage();
            if (text != null && !Redaction.redact(text, apiKey).equals(text)) {
                kept = new MaskedCause(cause, apiKey);
                quotes = true;
                break;
            }
        }
        if (!quotes) {
            return failure;
        }
        RunflowDecodingException copy = new RunflowDecodingException(Redaction.redact(message, apiKey), kept);
        copy.setStackTrace(failure.getStackTrace());
        return copy;
    }

    /** The answer's request id, for records whose body has no {@code request_id}; read as errors read it. */
    private static String requestId(Response response) {
        String value = ApiErrors.requestId(response.headers());
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static byte[] readBody(Response response, String endpoint) {
        try {
            return AnswerBody.read(response);
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
