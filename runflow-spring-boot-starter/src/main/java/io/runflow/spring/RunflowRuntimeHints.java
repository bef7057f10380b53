package io.runflow.spring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.TypeReference;

/**
 * What a Spring native image of an application using the starter must keep: the records runflow-core
 * binds with Jackson (read from runflow-core's own reachability metadata, so the list lives in one
 * place), the HTTP transport {@code ServiceLoader} finds with the file that lists it,
 * the SDK's version resource, and the failure analyzer {@code spring.factories} names. Registered in
 * {@code META-INF/spring/aot.factories}. The jars' own GraalVM metadata says the same to a plain
 * {@code native-image}; this says it to Spring's AOT engine.
 */
final class RunflowRuntimeHints implements RuntimeHintsRegistrar {

    static final String TRANSPORT_SERVICES = "META-INF/services/io.runflow.RunflowTransport";
    static final String FEIGN_TRANSPORT = "io.runflow.feign.FeignRunflowTransport";
    static final String CORE_METADATA = "META-INF/native-image/io.runflow/runflow-core/reflect-config.json";

    @Override
    public void registerHints(RuntimeHints hints, ClassLoader classLoader) {
        for (JsonNode entry : coreMetadata(classLoader)) {
            if (entry.path("allDeclaredConstructors").asBoolean()) {
                hints.reflection()
                        .registerType(
                                TypeReference.of(entry.path("name").asText()),
                                MemberCategory.INVOKE_DECLARED_CONSTRUCTORS,
                                MemberCategory.INVOKE_PUBLIC_METHODS,
                                MemberCategory.DECLARED_FIELDS);
            }
        }
        hints.resources().registerPattern(TRANSPORT_SERVICES);
        hints.resources().registerPattern("io/runflow/internal/version.properties");
        // By name: an application may bring another transport and leave runflow-feign out.
        hints.reflection().registerType(TypeReference.of(FEIGN_TRANSPORT), MemberCategory.INVOKE_PUBLIC_CONSTRUCTORS);
        hints.reflection().registerType(RunflowFailureAnalyzer.class, MemberCategory.INVOKE_DECLARED_CONSTRUCTORS);
    }

    private static JsonNode coreMetadata(ClassLoader classLoader) {
        ClassLoader loader = classLoader != null ? classLoader : RunflowRuntimeHints.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(CORE_METADATA)) {
            if (in == null) {
                throw new IllegalStateException(CORE_METADATA + " is missing: runflow-core is not on the class path");
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + CORE_METADATA, e);
        }
    }
}
