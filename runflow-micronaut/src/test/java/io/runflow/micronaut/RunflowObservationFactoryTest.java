package io.runflow.micronaut;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.observation.tck.TestObservationRegistry;
import io.micronaut.context.ApplicationContext;
import io.runflow.RunflowClient;
import io.runflow.catalog.FluxProUltra;
import io.runflow.micrometer.RunflowObservations;
import io.runflow.testkit.FakeRunflowServer;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The observations when an ObservationRegistry bean exists, with the Spring starter's names and keys. */
class RunflowObservationFactoryTest {

    private final FakeRunflowServer fake =
            FakeRunflowServer.builder().deterministic().build();
    private final TestObservationRegistry registry = TestObservationRegistry.create();

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void anObservationRegistryGivesTheClientTheObservations() {
        try (ApplicationContext context = ApplicationContext.builder()
                .properties(properties(Map.of()))
                .singletons(registry)
                .start()) {
            assertThat(context.containsBean(RunflowObservations.class)).isTrue();
            context.getBean(RunflowClient.class).runs().create(FluxProUltra.input("a fox"));
        }

        assertThat(registry)
                .hasObservationWithNameEqualTo("runflow.client.request")
                .that()
                .hasLowCardinalityKeyValue("method", "POST")
                .hasLowCardinalityKeyValue("uri", "/v1/models/{model}/runs")
                .hasLowCardinalityKeyValue("status", "201");
        assertThat(registry)
                .hasObservationWithNameEqualTo("runflow.run")
                .that()
                .hasLowCardinalityKeyValue("gen_ai.operation.name", "generate_content")
                .hasLowCardinalityKeyValue("ended_by", "caller")
                .hasBeenStopped();
    }

    @Test
    void noObservationsWithoutARegistry() {
        try (ApplicationContext context = ApplicationContext.run(properties(Map.of()))) {
            assertThat(context.containsBean(RunflowObservations.class)).isFalse();
        }
    }

    @Test
    void thePropertyTurnsTheMetadataKeyOff() {
        try (ApplicationContext context =
                ApplicationContext.run(properties(Map.of(RunflowConfiguration.TRACING_METADATA, "false")))) {
            assertThat(context.getBean(RunflowClient.class).options().traceContextInMetadata())
                    .isFalse();
        }
        try (ApplicationContext context = ApplicationContext.run(properties(Map.of()))) {
            assertThat(context.getBean(RunflowClient.class).options().traceContextInMetadata())
                    .isTrue();
        }
    }

    private Map<String, Object> properties(Map<String, Object> more) {
        Map<String, Object> properties = new HashMap<>(more);
        properties.put("runflow.api-key", fake.apiKey());
        properties.put("runflow.base-url", fake.baseUrl());
        return properties;
    }
}
