package io.runflow.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * runflow-core's GraalVM reachability metadata names everything it reads reflectively: every type its
 * Jackson module binds, the JDK 21 executor look-up, and its resources. No GraalVM here: checked on
 * the JVM against the jar's own files.
 */
class NativeImageMetadataTest {

    private static final String DIR = "META-INF/native-image/io.runflow/runflow-core/";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyJacksonBoundTypeIsInTheReflectionMetadata() throws Exception {
        Set<String> bound = boundTypes(RunflowJson.module());

        assertThat(bound).contains("io.runflow.model.Run", "io.runflow.model.RunRequest");
        assertThat(reflected()).containsAll(bound);
    }

    @Test
    void boundTypesAreExactlyTheModulesTypes() throws Exception {
        Set<String> listed = new TreeSet<>();
        RunflowJson.boundTypes().forEach(type -> listed.add(type.getName()));

        assertThat(listed).isEqualTo(boundTypes(RunflowJson.module()));
    }

    @Test
    void theVirtualThreadExecutorLookUpIsInTheReflectionMetadata() throws IOException {
        JsonNode executors = entry("java.util.concurrent.Executors");

        assertThat(executors.path("methods").get(0).path("name").asText()).isEqualTo("newVirtualThreadPerTaskExecutor");
    }

    @Test
    void theVersionResourceIsInTheResourceMetadata() throws IOException {
        String patterns =
                read("resource-config.json").path("resources").path("includes").toString();

        assertThat(patterns).contains("io/runflow/internal/version.properties");
        assertThat(getClass().getClassLoader().getResource("io/runflow/internal/version.properties"))
                .isNotNull();
    }

    @Test
    void everyReflectedTypeExists() throws IOException {
        for (String name : reflected()) {
            assertThat(classExists(name)).as(name).isTrue();
        }
    }

    private static boolean classExists(String name) {
        try {
            Class.forName(name, false, NativeImageMetadataTest.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /** The classes a {@link SimpleModule} has (de)serializers for; Jackson keeps them in protected maps. */
    static Set<String> boundTypes(SimpleModule module) throws ReflectiveOperationException {
        Set<String> names = new TreeSet<>();
        for (String field : new String[] {"_deserializers", "_serializers"}) {
            Object registry = field(SimpleModule.class, field).get(module);
            if (registry == null) {
                continue;
            }
            Map<?, ?> mappings =
                    (Map<?, ?>) field(registry.getClass(), "_classMappings").get(registry);
            // ClassKey's toString() is the class name.
            mappings.keySet().forEach(key -> names.add(key.toString()));
        }
        return names;
    }

    private static Field field(Class<?> type, String name) throws NoSuchFieldException {
        Field field = type.getDeclaredField(name);
        field.setAccessible(true);
        return field;
    }

    private static Set<String> reflected() throws IOException {
        Set<String> names = new TreeSet<>();
        read("reflect-config.json")
                .forEach(entry -> names.add(entry.path("name").asText()));
        return names;
    }

    private static JsonNode entry(String name) throws IOException {
        for (JsonNode entry : read("reflect-config.json")) {
            if (entry.path("name").asText().equals(name)) {
                return entry;
            }
        }
        throw new AssertionError(name + " is not in " + DIR + "reflect-config.json");
    }

    private static JsonNode read(String file) throws IOException {
        try (InputStream in = NativeImageMetadataTest.class.getClassLoader().getResourceAsStream(DIR + file)) {
            assertThat(in).as(DIR + file).isNotNull();
            return JSON.readTree(in);
        }
    }
}
