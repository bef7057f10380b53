package io.runflow.feign;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import feign.RequestTemplate;
import feign.Util;
import feign.codec.EncodeException;
import feign.codec.Encoder;
import java.lang.reflect.Type;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * feign-jackson's {@code JacksonEncoder}, byte for byte, with one {@link ObjectWriter} per body type
 * kept rather than a type and a writer made on every request.
 */
final class RunflowEncoder implements Encoder {

    private final ObjectMapper mapper;
    private final Map<Type, ObjectWriter> writers = new ConcurrentHashMap<>();

    RunflowEncoder(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public void encode(Object object, Type bodyType, RequestTemplate template) {
        template.body(bytes(object, bodyType), Util.UTF_8);
    }

    /**
     * Writes a body as {@link #encode} does, for {@link DirectMethodHandler}'s requests.
     *
     * @param object the body
     * @param bodyType its declared type
     * @return the UTF-8 JSON
     * @throws EncodeException if Jackson cannot write it (as Feign reports it)
     */
    byte[] bytes(Object object, Type bodyType) {
        ObjectWriter writer = writers.computeIfAbsent(
                bodyType, type -> mapper.writerFor(mapper.getTypeFactory().constructType(type)));
        try {
            return writer.writeValueAsBytes(object);
        } catch (JsonProcessingException e) {
            throw new EncodeException(e.getMessage(), e);
        } catch (EncodeException e) {
            throw e;
        } catch (RuntimeException e) {
            // As Feign's template factory wraps an encoder's unexpected failure.
            throw new EncodeException(e.getMessage(), e);
        }
    }
}
