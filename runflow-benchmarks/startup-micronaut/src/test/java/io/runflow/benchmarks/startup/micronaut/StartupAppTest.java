package io.runflow.benchmarks.startup.micronaut;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.runflow.RunflowClient;
import io.runflow.webhook.WebhookEndpoint;
import org.junit.jupiter.api.Test;

/** P5 measures the module fully switched on: the app's properties must make it so. */
class StartupAppTest {

    @Test
    void startsWithTheClientAndTheWebhookEndpointWhenTheModuleIsOnTheClassPath() {
        try (ApplicationContext context = StartupApp.start()) {
            assertThat(context.getBean(RunflowClient.class)).isNotNull();
            assertThat(context.getBean(WebhookEndpoint.class)).isNotNull();
        }
    }

    @Test
    void reportsHowLongTheStartTook() {
        assertThat(StartupApp.startAndStop()).isPositive();
    }
}
