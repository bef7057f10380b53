package io.runflow.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * runflow-testkit's GraalVM reachability metadata names every class its {@code ServiceLoader} and
 * {@code spring.factories} entries make frameworks load reflectively, and keeps the files that list
 * them. Its JSON is read and written as trees, so it binds no type with Jackson. Checked on the JVM.
 */
class NativeImageMetadataTest {

    private static final String DIR = "META-INF/native-image/io.runflow/runflow-testkit/";
    private static final String SERVICES = "META-INF/services/io.micronaut.test.support.TestPropertyProviderFactory";
    private static final String FACTORIES = "META-INF/spring.factories";

    @Test
    void everyServiceLoaderEntryIsReflectedAndItsFileKept() throws IOException {
        List<String> entries = Arrays.stream(text(SERVICES).split("\n"))
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .collect(Collectors.toList());

        assertThat(entries).isNotEmpty();
        assertThat(reflected()).containsAll(entries);
        assertThat(read("resource-config.json").toString()).contains(SERVICES);
    }

    @Test
    void everySpringFactoriesEntryIsReflectedAndTheFileKept() throws IOException {
        List<String> entries = Arrays.stream(text(FACTORIES).split("[\\n,=\\\\]"))
                .map(String::strip)
                .filter(name -> name.startsWith("io.runflow."))
                .collect(Collectors.toList());

        assertThat(entries).hasSize(2);
        assertThat(reflected()).containsAll(entries);
        assertThat(read("resource-config.json").toString()).contains(FACTORIES);
    }

    private static String text(String resource) throws IOException {
        try (InputStream in = NativeImageMetadataTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Set<String> reflected() throws IOException {
        Set<String> names = new TreeSet<>();
        read("reflect-config.json")
                .forEach(entry -> names.add(entry.path("name").asText()));
        return names;
    }

    private static JsonNode read(String file) throws IOException {
        return new ObjectMapper().readTree(text(DIR + file));
    }
}
