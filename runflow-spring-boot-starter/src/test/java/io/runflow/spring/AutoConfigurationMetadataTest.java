package io.runflow.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The jar's {@code META-INF/spring-autoconfigure-metadata.properties}, written by Spring Boot's
 * auto-configure processor: with it, Boot's import filter and sorter read each auto-configuration's
 * class conditions and order from one file instead of reading every class, as they do for Boot's own.
 */
class AutoConfigurationMetadataTest {

    private static final String IMPORTS =
            "META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports";
    private static final String METADATA = "META-INF/spring-autoconfigure-metadata.properties";

    @Test
    void everyAutoConfigurationTheStarterImportsIsDescribed() throws Exception {
        List<String> imported = read(IMPORTS)
                .lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .toList();
        Properties metadata = metadata();

        assertThat(imported).hasSize(7);
        assertThat(imported).allSatisfy(name -> assertThat(metadata).containsKey(name));
    }

    @Test
    void describesTheClassConditionsAndTheOrder() throws Exception {
        Properties metadata = metadata();

        assertThat(metadata.getProperty(RunflowMetricsAutoConfiguration.class.getName() + ".ConditionalOnClass"))
                .isEqualTo("io.micrometer.core.instrument.MeterRegistry");
        assertThat(metadata.getProperty(
                        RunflowWebhookEndpointAutoConfiguration.class.getName() + ".AutoConfigureAfter"))
                .isEqualTo(RunflowAutoConfiguration.class.getName() + ","
                        + RunflowWebhookAutoConfiguration.class.getName());
    }

    private static Properties metadata() throws IOException, URISyntaxException {
        Properties metadata = new Properties();
        metadata.load(new StringReader(read(METADATA)));
        return metadata;
    }

    /** The starter's own copy: Boot's jars carry files of the same names. */
    private static String read(String resource) throws IOException, URISyntaxException {
        URI starter = RunflowAutoConfiguration.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI();
        try (InputStream in = starter.resolve(resource).toURL().openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
