package io.runflow.feign;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Capability;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * runflow-feign's GraalVM reachability metadata names what it reads reflectively: the Feign
 * interface (a proxy whose annotations Feign reads), the capabilities Feign calls reflectively, and
 * its {@code ServiceLoader} entry with the file that lists it. Checked on the JVM.
 */
class NativeImageMetadataTest {

    private static final String DIR = "META-INF/native-image/io.runflow/runflow-feign/";
    private static final String SERVICES = "META-INF/services/io.runflow.RunflowTransport";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyServiceLoaderEntryIsReflectedAndItsFileIsAResource() throws IOException {
        List<String> services;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(SERVICES);
                BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            services = lines.lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .collect(Collectors.toList());
        }

        assertThat(services).containsExactly(FeignRunflowTransport.class.getName());
        assertThat(reflected()).containsAll(services);
        assertThat(read("resource-config.json").toString()).contains(SERVICES);
    }

    @Test
    void theFeignInterfaceIsAProxyWithItsMethodsReflected() throws IOException {
        assertThat(read("proxy-config.json").get(0).path("interfaces").get(0).asText())
                .isEqualTo(RunflowFeignApi.class.getName());
        assertThat(reflected()).contains(RunflowFeignApi.class.getName());
    }

    @Test
    void everyCapabilityIsReflected() throws IOException {
        assertThat(reflected()).contains(PerCallCapability.class.getName(), ObservingCapability.class.getName());
        assertThat(Capability.class).isAssignableFrom(PerCallCapability.class);
    }

    private static Set<String> reflected() throws IOException {
        Set<String> names = new TreeSet<>();
        read("reflect-config.json")
                .forEach(entry -> names.add(entry.path("name").asText()));
        return names;
    }

    private static JsonNode read(String file) throws IOException {
        try (InputStream in = NativeImageMetadataTest.class.getClassLoader().getResourceAsStream(DIR + file)) {
            assertThat(in).as(DIR + file).isNotNull();
            return JSON.readTree(in);
        }
    }
}
