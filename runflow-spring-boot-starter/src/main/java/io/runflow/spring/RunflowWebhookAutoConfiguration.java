package io.runflow.spring;

import io.runflow.webhook.CallbackDeduplicator;
import io.runflow.webhook.InMemoryCallbackDeduplicator;
import io.runflow.webhook.JdbcCallbackDeduplicator;
import io.runflow.webhook.JdbcRunLedger;
import io.runflow.webhook.WebhookSettings;
import io.runflow.webhook.WebhookVerifier;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * Auto-configures what checks Runflow's callbacks: a {@link WebhookVerifier} with the {@code
 * runflow.webhook.secrets}, and a {@link CallbackDeduplicator} chosen by {@code
 * runflow.webhook.dedup} ({@code memory}, {@code jdbc} on the application's {@link DataSource}, or
 * {@code none}). The settings are checked as the context starts; the verifier and the in-memory
 * store are made with the endpoint, the JDBC store and ledger (which create their tables) at start.
 */
@AutoConfiguration(
        after = RunflowAutoConfiguration.class,
        afterName = {
            "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration"
        })
@ConditionalOnBooleanProperty(name = "runflow.enabled", matchIfMissing = true)
public final class RunflowWebhookAutoConfiguration {

    RunflowWebhookAutoConfiguration() {}

    /**
     * The verifier, unless the application has its own: the webhook settings checked as the context
     * starts, the verifier made with the endpoint, when the first callback arrives or the application
     * asks for it.
     */
    @Configuration(proxyBeanMethods = false)
    @Conditional(OnWebhookSecretsCondition.class)
    @ConditionalOnMissingBean(WebhookVerifier.class)
    static final class Verifier {

        @Bean
        RunflowStartupCheck runflowWebhookSettingsCheck(RunflowProperties properties) {
            return RunflowStartupCheck.of(
                    "runflow webhook settings", properties.webhookSettings().problems());
        }

        @Bean
        @Lazy
        WebhookVerifier runflowWebhookVerifier(RunflowProperties properties) {
            WebhookSettings settings = properties.webhookSettings();
            InvalidRunflowPropertyException.throwIfAny(settings.problems());
            return settings.verifier();
        }
    }

    /** The pending-runs ledger, on the same DataSource as the marks; the client records runs in it. */
    @Configuration(proxyBeanMethods = false)
    @Conditional(OnWebhookSecretsCondition.class)
    @ConditionalOnProperty(name = "runflow.webhook.dedup", havingValue = "jdbc")
    @ConditionalOnBooleanProperty(name = "runflow.webhook.reconcile.enabled", matchIfMissing = true)
    @ConditionalOnSingleCandidate(DataSource.class)
    static final class Ledger {

        @Bean
        @ConditionalOnMissingBean(JdbcRunLedger.class)
        JdbcRunLedger runflowRunLedger(DataSource dataSource, RunflowProperties properties) {
            WebhookSettings settings = properties.webhookSettings();
            InvalidRunflowPropertyException.throwIfAny(settings.problems());
            JdbcRunLedger ledger = JdbcRunLedger.builder(dataSource)
                    .after(settings.reconcileAfter())
                    .build();
            ledger.createTableIfMissing();
            return ledger;
        }

        @Bean
        RunflowClientCustomizer runflowRunLedgerCustomizer(JdbcRunLedger ledger) {
            return builder -> builder.runLedger(ledger);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnMissingBean(CallbackDeduplicator.class)
    static final class Deduplicators {

        @Bean
        @Lazy
        @ConditionalOnProperty(name = "runflow.webhook.dedup", havingValue = "memory", matchIfMissing = true)
        InMemoryCallbackDeduplicator runflowCallbackDeduplicator() {
            return InMemoryCallbackDeduplicator.create();
        }

        @Bean
        @Lazy
        @ConditionalOnProperty(name = "runflow.webhook.dedup", havingValue = "none")
        CallbackDeduplicator runflowNoCallbackDeduplicator() {
            return CallbackDeduplicator.none();
        }

        @Bean
        @ConditionalOnProperty(name = "runflow.webhook.dedup", havingValue = "jdbc")
        @ConditionalOnSingleCandidate(DataSource.class)
        JdbcCallbackDeduplicator runflowJdbcCallbackDeduplicator(
                DataSource dataSource, ObjectProvider<JdbcRunLedger> ledger) {
            JdbcCallbackDeduplicator.Builder builder = JdbcCallbackDeduplicator.builder(dataSource);
            // A delivered run leaves the pending-runs ledger in the delivery's transaction.
            ledger.ifAvailable(builder::ledger);
            JdbcCallbackDeduplicator deduplicator = builder.build();
            // CREATE TABLE IF NOT EXISTS: a no-op once the table exists (or a migration made it).
            deduplicator.createTableIfMissing();
            return deduplicator;
        }
    }
}
