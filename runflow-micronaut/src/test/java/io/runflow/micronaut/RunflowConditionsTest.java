package io.runflow.micronaut;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.runflow.RunflowClient;
import io.runflow.catalog.FluxProUltra;
import io.runflow.micrometer.RunflowMeters;
import io.runflow.model.Run;
import io.runflow.testkit.FakeRunflowServer;
import io.runflow.testkit.Outcome;
import io.runflow.webhook.CallbackDeduplicator;
import io.runflow.webhook.InMemoryCallbackDeduplicator;
import io.runflow.webhook.WebhookEndpoint;
import io.runflow.webhook.WebhookVerifier;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Each {@code @Requires} of the module: a test that it applies, and one that it backs off. */
class RunflowConditionsTest {

    private static final String SPEC = "RunflowConditionsTest";

    @Test
    void anApiKeyGivesAClientClosedWithTheContext() {
        try (FakeRunflowServer fake =
                FakeRunflowServer.builder().deterministic().build()) {
            fake.onNextRun(Outcome.hold());
            CompletableFuture<Run> wait;
            try (ApplicationContext context =
                    run(Map.of("runflow.api-key", fake.apiKey(), "runflow.base-url", fake.baseUrl()))) {
                RunflowClient client = context.getBean(RunflowClient.class);
                assertThat(context.getBean(RunflowClient.class)).isSameAs(client);
                Run run = client.runs().create(FluxProUltra.input("a fox"));
                wait = client.runs().awaitAsync(run);
            }
            // Closing the context closed the client, which ends its waits.
            assertThat(wait).failsWithin(Duration.ofSeconds(5));
        }
    }

    @Test
    void disabledRemovesEveryBean() {
        try (ApplicationContext context = run(Map.of(
                "runflow.enabled", "false", "runflow.api-key", "rf_test_key", "runflow.webhook.secrets", "whsec_x"))) {
            assertThat(context.containsBean(RunflowConfiguration.class)).isFalse();
            assertThat(context.containsBean(RunflowClient.class)).isFalse();
            assertThat(context.containsBean(RunflowClient.Builder.class)).isFalse();
            assertThat(context.containsBean(RunflowStartupCheck.class)).isFalse();
            assertThat(context.containsBean(WebhookVerifier.class)).isFalse();
            assertThat(context.containsBean(WebhookEndpoint.class)).isFalse();
            assertThat(context.containsBean(RunflowWebhookController.class)).isFalse();
            assertThat(context.containsBean(RunflowHealthIndicator.class)).isFalse();
            assertThat(context.containsBean(RunflowMeters.class)).isFalse();
        }
    }

    @Test
    void withoutSecretsThereIsNoWebhook() {
        try (ApplicationContext context = run(Map.of("runflow.api-key", "rf_test_key"))) {
            assertThat(context.containsBean(WebhookVerifier.class)).isFalse();
            assertThat(context.containsBean(CallbackDeduplicator.class)).isFalse();
            assertThat(context.containsBean(WebhookEndpoint.class)).isFalse();
            assertThat(context.containsBean(RunflowWebhookController.class)).isFalse();
        }
    }

    @Test
    void secretsGiveTheWebhookWithMemoryDeduplicationByDefault() {
        try (ApplicationContext context =
                run(Map.of("runflow.api-key", "rf_test_key", "runflow.webhook.secrets", "whsec_x"))) {
            assertThat(context.getBean(WebhookVerifier.class).maxBodySize()).isEqualTo(1_048_576L);
            assertThat(context.getBean(CallbackDeduplicator.class)).isInstanceOf(InMemoryCallbackDeduplicator.class);
            assertThat(context.getBean(WebhookEndpoint.class)).isNotNull();
            assertThat(context.getBean(RunflowWebhookController.class)).isNotNull();
        }
    }

    @Test
    void dedupNoneDeliversEveryRepeat() {
        try (ApplicationContext context = run(Map.of(
                "runflow.api-key",
                "rf_test_key",
                "runflow.webhook.secrets",
                "whsec_x",
                "runflow.webhook.dedup",
                "none"))) {
            CallbackDeduplicator deduplicator = context.getBean(CallbackDeduplicator.class);
            assertThat(deduplicator).hasToString("CallbackDeduplicator.none()");
        }
    }

    @Test
    void aHealthIndicatorWhenManagementIsPresent() {
        try (ApplicationContext context = run(Map.of("runflow.api-key", "rf_test_key"))) {
            assertThat(context.getBeansOfType(HealthIndicator.class))
                    .hasAtLeastOneElementOfType(RunflowHealthIndicator.class);
        }
    }

    @Test
    void healthDisabledRemovesTheIndicator() {
        try (ApplicationContext context =
                run(Map.of("runflow.api-key", "rf_test_key", "runflow.health.enabled", "false"))) {
            assertThat(context.containsBean(RunflowHealthIndicator.class)).isFalse();
        }
    }

    @Test
    void metersWhenThereIsARegistry() {
        try (FakeRunflowServer fake =
                        FakeRunflowServer.builder().deterministic().build();
                ApplicationContext context =
                        run(Map.of("runflow.api-key", fake.apiKey(), "runflow.base-url", fake.baseUrl()))) {
            assertThat(context.getBean(RunflowMeters.class)).isNotNull();

            context.getBean(RunflowClient.class).health();

            assertThat(context.getBean(MeterRegistry.class)
                            .get(RunflowMeters.CLIENT_REQUESTS)
                            .tag("endpoint", "GET /v1/health")
                            .tag("outcome", "200")
                            .timer()
                            .count())
                    .isEqualTo(1);
        }
    }

    @Test
    void noMetersWithoutARegistry() {
        try (ApplicationContext context =
                run(Map.of("runflow.api-key", "rf_test_key", "micronaut.metrics.enabled", "false"))) {
            assertThat(context.containsBean(MeterRegistry.class)).isFalse();
            assertThat(context.containsBean(RunflowMeters.class)).isFalse();
        }
    }

    @Test
    void aBuilderListenerAdjustsTheClient() {
        try (ApplicationContext context =
                run(Map.of("runflow.api-key", "rf_test_key", "spec.name", SPEC, "spec.builder-listener", "true"))) {
            assertThat(context.getBean(RunflowClient.class).options().userAgent())
                    .isEqualTo("orders-service/1.0");
        }
    }

    @Test
    void aReplacementClientWins() {
        try (ApplicationContext context =
                run(Map.of("runflow.api-key", "rf_test_key", "spec.name", SPEC, "spec.replace-client", "true"))) {
            assertThat(context.getBean(RunflowClient.class).options().apiKey()).isEqualTo("rf_replaced");
        }
    }

    private static ApplicationContext run(Map<String, Object> properties) {
        return ApplicationContext.run(new HashMap<>(properties));
    }

    @Singleton
    @Requires(property = "spec.name", value = SPEC)
    @Requires(property = "spec.builder-listener")
    static class UserAgentListener implements BeanCreatedEventListener<RunflowClient.Builder> {
        @Override
        public RunflowClient.Builder onCreated(BeanCreatedEvent<RunflowClient.Builder> event) {
            return event.getBean().userAgent("orders-service/1.0");
        }
    }

    @Factory
    @Requires(property = "spec.name", value = SPEC)
    @Requires(property = "spec.replace-client")
    static class ReplacementFactory {
        @Singleton
        @Replaces(RunflowClient.class)
        @Bean(preDestroy = "close")
        RunflowClient replacement() {
            return RunflowClient.builder().apiKey("rf_replaced").build();
        }
    }
}
