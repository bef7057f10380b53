package io.runflow.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.runflow.micrometer.RunflowMeters;
import io.runflow.webhook.CallbackDeduplicator;
import io.runflow.webhook.InMemoryCallbackDeduplicator;
import io.runflow.webhook.WebhookEndpoint;
import io.runflow.webhook.WebhookVerifier;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

/** Every condition of the webhook, health and metrics auto-configurations: applies, and backs off. */
class RunflowWebhookAutoConfigurationTest {

    private static final String[] RUNFLOW = {
        "runflow.api-key=rf_test_key", "runflow.base-url=" + RunflowAutoConfigurationTest.FAKE.baseUrl()
    };
    private static final String SECRETS = "runflow.webhook.secrets=whsec_one,whsec_two";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(RunflowAutoConfigurationTest.RUNFLOW)
            .withPropertyValues(RUNFLOW);
    private final WebApplicationContextRunner servlet = new WebApplicationContextRunner()
            .withConfiguration(RunflowAutoConfigurationTest.RUNFLOW)
            .withPropertyValues(RUNFLOW);
    private final ReactiveWebApplicationContextRunner reactive = new ReactiveWebApplicationContextRunner()
            .withConfiguration(RunflowAutoConfigurationTest.RUNFLOW)
            .withPropertyValues(RUNFLOW);

    @Test
    void createsTheVerifierAndEndpointWhenSecretsAreSet() {
        runner.withPropertyValues(SECRETS, "runflow.webhook.max-body-size=64KB").run(context -> {
            assertThat(context).hasSingleBean(WebhookVerifier.class).hasSingleBean(WebhookEndpoint.class);
            assertThat(context.getBean(WebhookEndpoint.class).maxBodySize()).isEqualTo(64 * 1024);
        });
    }

    @Test
    void takesSecretsGivenAsAnIndexedList() {
        runner.withPropertyValues("runflow.webhook.secrets[0]=whsec_one")
                .run(context -> assertThat(context).hasSingleBean(WebhookEndpoint.class));
    }

    @Test
    void hasNoWebhookWithoutSecrets() {
        runner.run(context -> assertThat(context)
                .hasNotFailed()
                .doesNotHaveBean(WebhookVerifier.class)
                .doesNotHaveBean(WebhookEndpoint.class)
                .doesNotHaveBean("runflowWebhookRoute"));
    }

    @Test
    void backsOffForTheApplicationsVerifierAndStillCreatesTheEndpoint() {
        WebhookVerifier own = WebhookVerifier.builder().secret("whsec_own").build();
        runner.withBean(WebhookVerifier.class, () -> own).run(context -> {
            assertThat(context).getBean(WebhookVerifier.class).isSameAs(own);
            assertThat(context).hasSingleBean(WebhookEndpoint.class);
        });
    }

    @Test
    void backsOffForTheApplicationsEndpoint() {
        WebhookEndpoint own = WebhookEndpoint.builder()
                .verifier(WebhookVerifier.builder().secret("whsec_own").build())
                .build();
        runner.withPropertyValues(SECRETS)
                .withBean(WebhookEndpoint.class, () -> own)
                .run(context ->
                        assertThat(context).getBean(WebhookEndpoint.class).isSameAs(own));
    }

    @Test
    void deduplicatesInMemoryByDefault() {
        runner.withPropertyValues(SECRETS)
                .run(context -> assertThat(context).hasSingleBean(InMemoryCallbackDeduplicator.class));
    }

    @Test
    void deduplicatesNotAtAllWithNone() {
        runner.withPropertyValues(SECRETS, "runflow.webhook.dedup=none")
                .run(context ->
                        assertThat(context).getBean(CallbackDeduplicator.class).isSameAs(CallbackDeduplicator.none()));
    }

    @Test
    void backsOffForTheApplicationsDeduplicator() {
        CallbackDeduplicator own =
                InMemoryCallbackDeduplicator.builder().capacity(10).build();
        runner.withPropertyValues(SECRETS, "runflow.webhook.dedup=jdbc")
                .withBean(CallbackDeduplicator.class, () -> own)
                .run(context ->
                        assertThat(context).getBean(CallbackDeduplicator.class).isSameAs(own));
    }

    @Test
    void startsWithTheRouteAndMakesTheEndpointAndTheClientOnFirstUse() {
        servlet.withPropertyValues(SECRETS)
                .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .run(context -> {
                    assertThat(context).hasNotFailed().hasBean("runflowWebhookRoute");
                    for (String made : new String[] {
                        "runflowClient",
                        "runflowWebhookVerifier",
                        "runflowCallbackDeduplicator",
                        "runflowWebhookEndpoint",
                        "runflowHealthCheck",
                        "runflowMeters"
                    }) {
                        assertThat(context.getBeanFactory().containsSingleton(made))
                                .as(made)
                                .isFalse();
                    }
                    assertThat(context.getBean(WebhookEndpoint.class)).isNotNull();
                    assertThat(context.getBeanFactory().containsSingleton("runflowClient"))
                            .isTrue();
                });
    }

    @Test
    void routesTheWebhookInAServletApplication() {
        servlet.withPropertyValues(SECRETS)
                .run(context -> assertThat(context)
                        .getBean("runflowWebhookRoute")
                        .isInstanceOf(org.springframework.web.servlet.function.RouterFunction.class));
    }

    @Test
    void routesTheWebhookInAReactiveApplication() {
        reactive.withPropertyValues(SECRETS)
                .run(context -> assertThat(context)
                        .getBean("runflowWebhookRoute")
                        .isInstanceOf(org.springframework.web.reactive.function.server.RouterFunction.class));
    }

    @Test
    void hasNoRouteOutsideAWebApplication() {
        runner.withPropertyValues(SECRETS)
                .run(context -> assertThat(context)
                        .hasSingleBean(WebhookEndpoint.class)
                        .doesNotHaveBean("runflowWebhookRoute"));
    }

    @Test
    void backsOffForTheApplicationsRoute() {
        servlet.withPropertyValues(SECRETS)
                .withBean("runflowWebhookRoute", String.class, () -> "mine")
                .run(context ->
                        assertThat(context).getBean("runflowWebhookRoute").isEqualTo("mine"));
    }

    @Test
    void runsAServletApplicationWithoutWebFlux() {
        servlet.withPropertyValues(SECRETS)
                .withClassLoader(new FilteredClassLoader("org.springframework.web.reactive", "reactor."))
                .run(context -> assertThat(context).hasNotFailed().hasBean("runflowWebhookRoute"));
    }

    @Test
    void runsAReactiveApplicationWithoutSpringMvc() {
        reactive.withPropertyValues(SECRETS)
                .withClassLoader(new FilteredClassLoader("org.springframework.web.servlet", "jakarta.servlet"))
                .run(context -> assertThat(context).hasNotFailed().hasBean("runflowWebhookRoute"));
    }

    @Test
    void registersTheHealthIndicatorWithActuator() {
        runner.run(context -> assertThat(context).hasBean("runflowHealthIndicator"));
    }

    @Test
    void hasNoHealthIndicatorWhenTurnedOff() {
        runner.withPropertyValues("runflow.health.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean("runflowHealthIndicator"));
    }

    @Test
    void backsOffForTheApplicationsHealthIndicator() {
        runner.withBean("runflowHealthIndicator", String.class, () -> "mine")
                .run(context ->
                        assertThat(context).getBean("runflowHealthIndicator").isEqualTo("mine"));
    }

    @Test
    void runsWithoutActuator() {
        runner.withPropertyValues(SECRETS)
                .withClassLoader(
                        new FilteredClassLoader("org.springframework.boot.actuate", "org.springframework.boot.health"))
                .run(context -> assertThat(context)
                        .hasNotFailed()
                        .doesNotHaveBean("runflowHealthIndicator")
                        .doesNotHaveBean("runflowSanitizingFunction")
                        .hasSingleBean(WebhookEndpoint.class));
    }

    @Test
    void registersTheMetersWhenARegistryExists() {
        runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .run(context -> assertThat(context).hasSingleBean(RunflowMeters.class));
    }

    @Test
    void hasNoMetersWithoutARegistry() {
        runner.run(context -> assertThat(context).doesNotHaveBean(RunflowMeters.class));
    }

    @Test
    void backsOffForTheApplicationsMeters() {
        RunflowMeters own = new RunflowMeters(new SimpleMeterRegistry());
        runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withBean(RunflowMeters.class, () -> own)
                .run(context -> assertThat(context).getBean(RunflowMeters.class).isSameAs(own));
    }

    @Test
    void runsWithoutMicrometer() {
        runner.withPropertyValues(SECRETS)
                .withClassLoader(new FilteredClassLoader("io.micrometer.core"))
                .run(context -> assertThat(context)
                        .hasNotFailed()
                        .doesNotHaveBean(RunflowMeters.class)
                        .hasSingleBean(WebhookEndpoint.class));
    }

    @Test
    void masksTheKeyAndSecretsInEverySpelling() {
        assertThat(RunflowActuatorAutoConfiguration.isSecret("runflow.api-key")).isTrue();
        assertThat(RunflowActuatorAutoConfiguration.isSecret("runflow.apiKey")).isTrue();
        assertThat(RunflowActuatorAutoConfiguration.isSecret("RUNFLOW_API_KEY")).isTrue();
        assertThat(RunflowActuatorAutoConfiguration.isSecret("runflow.webhook.secrets"))
                .isTrue();
        assertThat(RunflowActuatorAutoConfiguration.isSecret("runflow.webhook.secrets[1]"))
                .isTrue();
        assertThat(RunflowActuatorAutoConfiguration.isSecret("RUNFLOW_WEBHOOK_SECRETS_0"))
                .isTrue();
        assertThat(RunflowActuatorAutoConfiguration.isSecret("runflow.base-url"))
                .isFalse();
        assertThat(RunflowActuatorAutoConfiguration.isSecret("runflow.webhook.path"))
                .isFalse();
    }
}
