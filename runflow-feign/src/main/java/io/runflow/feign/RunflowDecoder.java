package io.runflow.feign;

import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Response;
import feign.RetryableException;
import feign.codec.Decoder;
import io.runflow.internal.json.ApiErrors;
import io.runflow.internal.json.BodyReader;
import java.io.IOException;
import java.io.InputStream;
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
 */
final class RunflowDecoder implements Decoder {

    private final ObjectMapper mapper;
    /** One reader per return type: spares the type construction and root look-up on every call. */
    private final Map<Type, BodyReader> readers = new ConcurrentHashMap<>();

    RunflowDecoder(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public Object decode(Response response, Type type) {
        String endpoint = Endpoints.of(response.request());
        byte[] body = readBody(response, endpoint);
        return readers.computeIfAbsent(type, t -> BodyReader.of(mapper, t))
                .read(endpoint, response.status(), body, requestId(response));
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
}
