package io.runflow.micronaut;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.runflow.ClientSettings;
import io.runflow.RunflowClient;
import io.runflow.RunflowObserver;
import io.runflow.webhook.JdbcRunLedger;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;

/**
 * The {@link RunflowClient} and the builder it is made from. Adjust the builder with a {@code
 * BeanCreatedEventListener<RunflowClient.Builder>}, or replace the client with {@code @Replaces}.
 */
@Factory
@Requires(property = RunflowConfiguration.ENABLED, notEquals = "false")
final class RunflowClientFactory {

    /** A new builder for each client, from the configuration and every {@link RunflowObserver} bean. */
    @Bean
    RunflowClient.Builder runflowClientBuilder(
            RunflowConfiguration config, List<RunflowObserver> observers, Optional<JdbcRunLedger> ledger) {
        ClientSettings settings = config.clientSettings();
        RunflowStartupCheck.failIfAny(settings.problems());
        RunflowClient.Builder builder = settings.clientBuilder();
        if (!observers.isEmpty()) {
            builder.observer(RunflowObserver.composite(observers));
        }
        // With dedup=jdbc and reconciliation on: runs created with a callback URL are recorded.
        ledger.ifPresent(builder::runLedger);
        return builder;
    }

    @Singleton
    @Bean(preDestroy = "close")
    RunflowClient runflowClient(RunflowClient.Builder builder) {
        return builder.build();
    }
}
