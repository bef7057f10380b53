package io.runflow.spring;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.common.KeyValues;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.runflow.RunflowClient;
import io.runflow.catalog.FluxProUltra;
import io.runflow.micrometer.DefaultRunflowRunObservationConvention;
import io.runflow.micrometer.RunflowObservations;
import io.runflow.micrometer.RunflowRunContext;
import io.runflow.micrometer.RunflowRunObservationConvention;
import io.runflow.testkit.FakeRunflowServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * {@link RunflowObservationAutoConfiguration}: observations with an {@link ObservationRegistry} bean,
 * a user's convention in place of the default, the metadata property, and backing off without a
 * registry, without Micrometer's observation API and with {@code runflow.enabled=false}.
 */
class RunflowObservationAutoConfigurationTest {

    static final FakeRunflowServer fake =
            FakeRunflowServer.builder().deterministic().build();

    private final TestObservationRegistry registry = TestObservationRegistry.create();

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(
                    AutoConfigurations.of(RunflowObservationAutoConfiguration.class, RunflowAutoConfiguration.class))
            .withPropertyValues("runflow.api-key=" + fake.apiKey(), "runflow.base-url=" + fake.baseUrl());

    @AfterAll
    static void stop() {
        fake.close();
    }

    @Test
    void observesTheClientsRunsWithTheApplicationsRegistry() {
        runner.withBean(ObservationRegistry.class, () -> registry).run(context -> {
            assertThat(context).hasSingleBean(RunflowObservations.class);
            context.getBean(RunflowClient.class).runs().create(FluxProUltra.input("a fox"));

            assertThat(registry)
                    .hasObservationWithNameEqualTo("runflow.client.request")
                    .that()
                    .hasLowCardinalityKeyValue("uri", "/v1/models/{model}/runs");
            assertThat(registry)
                    .hasObservationWithNameEqualTo("runflow.run")
                    .that()
                    .hasLowCardinalityKeyValue("gen_ai.provider.name", "runflow")
                    .hasBeenStarted();
        });
    }

    @Test
    void aConventionBeanReplacesTheDefault() {
        runner.withBean(ObservationRegistry.class, () -> registry)
                .withBean(RunflowRunObservationConvention.class, () -> new DefaultRunflowRunObservationConvention() {
                    @Override
                    public KeyValues getLowCardinalityKeyValues(RunflowRunContext context) {
                        return super.getLowCardinalityKeyValues(context).and("team", "imaging");
                    }
                })
                .run(context -> {
                    context.getBean(RunflowClient.class).runs().create(FluxProUltra.input("a fox"));

                    assertThat(registry)
                            .hasObservationWithNameEqualTo("runflow.run")
                            .that()
                            .hasLowCardinalityKeyValue("team", "imaging");
                });
    }

    @Test
    void thePropertyTurnsTheMetadataKeyOff() {
        runner.withBean(ObservationRegistry.class, () -> registry)
                .withPropertyValues("runflow.tracing.metadata=false")
                .run(context -> assertThat(
                                context.getBean(RunflowClient.class).options().traceContextInMetadata())
                        .isFalse());
        runner.run(context -> assertThat(
                        context.getBean(RunflowClient.class).options().traceContextInMetadata())
                .isTrue());
    }

    @Test
    void backsOffWithoutARegistry() {
        runner.run(context -> assertThat(context).doesNotHaveBean(RunflowObservations.class));
    }

    @Test
    void backsOffWithoutMicrometersObservationApi() {
        runner.withBean(ObservationRegistry.class, () -> registry)
                .withClassLoader(new FilteredClassLoader(ObservationRegistry.class))
                .run(context -> assertThat(context).doesNotHaveBean(RunflowObservations.class));
    }

    @Test
    void backsOffWhenRunflowIsDisabled() {
        runner.withBean(ObservationRegistry.class, () -> registry)
                .withPropertyValues("runflow.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(RunflowObservations.class));
    }
}
