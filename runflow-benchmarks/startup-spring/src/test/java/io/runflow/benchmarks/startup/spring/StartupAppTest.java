package io.runflow.benchmarks.startup.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.runflow.RunflowClient;
import io.runflow.webhook.WebhookEndpoint;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/** P5 measures the starter fully switched on: the app's properties must make it so. */
class StartupAppTest {

    @Test
    void startsWithTheClientAndTheWebhookEndpointWhenTheStarterIsOnTheClassPath() {
        try (ConfigurableApplicationContext context = StartupApp.start()) {
            assertThat(context.getBeanNamesForType(RunflowClient.class)).hasSize(1);
            assertThat(context.getBeanNamesForType(WebhookEndpoint.class)).hasSize(1);
        }
    }

    @Test
    void reportsHowLongTheStartTook() {
        assertThat(StartupApp.startAndStop()).isPositive();
    }
}
