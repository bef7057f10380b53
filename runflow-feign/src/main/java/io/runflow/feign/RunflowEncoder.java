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
        ObjectWriter writer = writers.computeIfAbsent(
                bodyType, type -> mapper.writerFor(mapper.getTypeFactory().constructType(type)));
        try {
            template.body(writer.writeValueAsBytes(object), Util.UTF_8);
        } catch (JsonProcessingException e) {
            throw new EncodeException(e.getMessage(), e);
        }
    }
}
