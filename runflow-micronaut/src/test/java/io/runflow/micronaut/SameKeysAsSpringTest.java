package io.runflow.micronaut;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Key for key the Spring starter's configuration: both modules' generated configuration metadata
 * ({@code META-INF/spring-configuration-metadata.json}, which Micronaut's processor writes too) list
 * the same {@code runflow.*} properties, so a setting means the same in either framework.
 */
class SameKeysAsSpringTest {

    private static final String METADATA = "META-INF/spring-configuration-metadata.json";

    @Test
    void definesExactlyTheKeysOfTheSpringStarter() throws IOException {
        Map<String, TreeSet<String>> keysByModule = new TreeMap<>();
        for (URL url : Collections.list(getClass().getClassLoader().getResources(METADATA))) {
            String location = url.toString();
            String module = location.contains("runflow-spring-boot-starter")
                    ? "spring"
                    : location.contains("runflow-micronaut") ? "micronaut" : null;
            if (module != null) {
                keysByModule.put(module, keys(url));
            }
        }

        assertThat(keysByModule).containsOnlyKeys("micronaut", "spring");
        assertThat(keysByModule.get("micronaut"))
                .hasSize(23)
                .allMatch(key -> key.startsWith("runflow."))
                .containsExactlyElementsOf(keysByModule.get("spring"));
    }

    private static TreeSet<String> keys(URL url) throws IOException {
        TreeSet<String> keys = new TreeSet<>();
        try (InputStream in = url.openStream()) {
            for (JsonNode property : new ObjectMapper().readTree(in).path("properties")) {
                keys.add(property.path("name").asText());
            }
        }
        return keys;
    }
}
