package io.runflow.micronaut;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.runflow.RunflowClient;
import io.runflow.RunflowObserver;
import io.runflow.webhook.BatchCallback;
import io.runflow.webhook.CallbackDeduplicator;
import io.runflow.webhook.CallbackListener;
import io.runflow.webhook.CallbackReconciler;
import io.runflow.webhook.CallbackRelay;
import io.runflow.webhook.InMemoryCallbackDeduplicator;
import io.runflow.webhook.JdbcCallbackDeduplicator;
import io.runflow.webhook.JdbcRunLedger;
import io.runflow.webhook.RunCallback;
import io.runflow.webhook.WebhookEndpoint;
import io.runflow.webhook.WebhookSettings;
import io.runflow.webhook.WebhookVerifier;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The webhook's beans, present only when {@code runflow.webhook.secrets} is set: the verifier, the
 * de-duplicator chosen by {@code runflow.webhook.dedup}, and the framework-free endpoint that the
 * controller hands each request to. Each delivered callback is published once, as a {@link
 * RunCallback} or a {@link BatchCallback} event, so that {@code @EventListener void on(RunCallback
 * callback)} receives run callbacks and {@code @EventListener void on(BatchCallback callback)} batch
 * callbacks.
 */
@Factory
@Requires(property = RunflowConfiguration.ENABLED, notEquals = "false")
@Requires(property = RunflowConfiguration.WEBHOOK_SECRETS)
final class RunflowWebhookFactory {

    @Singleton
    WebhookVerifier runflowWebhookVerifier(RunflowConfiguration config) {
        WebhookSettings settings = config.webhookSettings();
        RunflowStartupCheck.failIfAny(settings.problems());
        return settings.verifier();
    }

    @Singleton
    @Requires(property = RunflowConfiguration.WEBHOOK_DEDUP, value = "memory", defaultValue = "memory")
    CallbackDeduplicator runflowMemoryDeduplicator() {
        return InMemoryCallbackDeduplicator.create();
    }

    @Singleton
    @Requires(property = RunflowConfiguration.WEBHOOK_DEDUP, value = "jdbc")
    @Requires(beans = DataSource.class)
    CallbackDeduplicator runflowJdbcDeduplicator(DataSource dataSource, Optional<JdbcRunLedger> ledger) {
        JdbcCallbackDeduplicator.Builder builder = JdbcCallbackDeduplicator.builder(dataSource);
        ledger.ifPresent(builder::ledger);
        JdbcCallbackDeduplicator deduplicator = builder.build();
        deduplicator.createTableIfMissing();
        return deduplicator;
    }

    @Singleton
    @Requires(property = RunflowConfiguration.WEBHOOK_DEDUP, value = "jdbc")
    @Requires(property = RunflowConfiguration.WEBHOOK_RECONCILE_ENABLED, notEquals = "false")
    @Requires(beans = DataSource.class)
    JdbcRunLedger runflowRunLedger(DataSource dataSource, RunflowConfiguration config) {
        WebhookSettings settings = config.webhookSettings();
        RunflowStartupCheck.failIfAny(settings.problems());
        JdbcRunLedger ledger = JdbcRunLedger.builder(dataSource)
                .after(settings.reconcileAfter())
                .build();
        ledger.createTableIfMissing();
        return ledger;
    }

    @Singleton
    @Bean(preDestroy = "close")
    @Requires(beans = {JdbcRunLedger.class, RunflowClient.class})
    CallbackReconciler runflowCallbackReconciler(
            RunflowClient client, WebhookEndpoint endpoint, JdbcRunLedger ledger, RunflowConfiguration config) {
        return CallbackReconciler.builder()
                .client(client)
                .endpoint(endpoint)
                .ledger(ledger)
                .interval(config.webhookSettings().reconcileInterval())
                .build();
    }

    @Singleton
    @Requires(property = RunflowConfiguration.WEBHOOK_DEDUP, value = "none")
    CallbackDeduplicator runflowNoDeduplication() {
        return CallbackDeduplicator.none();
    }

    @Singleton
    @Bean(typed = WebhookEndpoint.class)
    WebhookEndpoint runflowWebhookEndpoint(
            WebhookVerifier verifier,
            CallbackDeduplicator deduplicator,
            Optional<RunflowClient> client,
            ApplicationEventPublisher<RunCallback> runEvents,
            ApplicationEventPublisher<BatchCallback> batchEvents,
            List<RunflowObserver> observers,
            Optional<CallbackRelay> relay,
            RunflowConfiguration config) {
        WebhookEndpoint.Builder builder = WebhookEndpoint.builder()
                .verifier(verifier)
                .deduplicator(deduplicator)
                // With dedup=jdbc: the mark and the listeners share a transaction on the DataSource, and
                // listeners reach its connection through JdbcCallbackDeduplicator.listener(..).
                .transactional(config.webhookSettings().transactional())
                .listener(CallbackListener.runs(runEvents::publishEvent))
                .listener(CallbackListener.batches(batchEvents::publishEvent))
                .observer(RunflowObserver.composite(observers));
        client.ifPresent(builder::client);
        relay.ifPresent(builder::relay);
        return builder.build();
    }
}
