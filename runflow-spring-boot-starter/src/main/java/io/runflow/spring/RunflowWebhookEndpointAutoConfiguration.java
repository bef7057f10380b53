package io.runflow.spring;

import io.runflow.RunflowClient;
import io.runflow.RunflowObserver;
import io.runflow.SettingProblem;
import io.runflow.webhook.CallbackDeduplicator;
import io.runflow.webhook.CallbackReconciler;
import io.runflow.webhook.CallbackRelay;
import io.runflow.webhook.DedupKind;
import io.runflow.webhook.JdbcRunLedger;
import io.runflow.webhook.WebhookEndpoint;
import io.runflow.webhook.WebhookVerifier;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * Auto-configures the {@link WebhookEndpoint} when a {@link WebhookVerifier} exists, and routes
 * {@code POST ${runflow.webhook.path}} to it in servlet (Spring MVC) and reactive (WebFlux)
 * applications. Each delivered callback is published as an application event of its own type, so
 * {@code @EventListener void on(RunCallback callback)} receives run callbacks, {@code @EventListener
 * void on(BatchCallback callback)} batch callbacks, and a listener of the sealed {@code Callback}
 * both; a listener that throws makes the endpoint answer 500, and Runflow delivers the callback
 * again. The route is there as the context starts; the endpoint (with its verifier, store and the
 * client) is made when the first callback arrives, unless something needs it sooner.
 */
@AutoConfiguration(after = {RunflowAutoConfiguration.class, RunflowWebhookAutoConfiguration.class})
@ConditionalOnBooleanProperty(name = "runflow.enabled", matchIfMissing = true)
@ConditionalOnBean(WebhookVerifier.class)
public final class RunflowWebhookEndpointAutoConfiguration {

    private static final SettingProblem NO_DATA_SOURCE = new SettingProblem(
            "runflow.webhook.dedup",
            "runflow.webhook.dedup=jdbc needs a single DataSource, and the application has none.",
            "Add a DataSource (for example spring-boot-starter-jdbc and spring.datasource.url), define"
                    + " a CallbackDeduplicator bean, or set runflow.webhook.dedup=memory.");

    RunflowWebhookEndpointAutoConfiguration() {}

    /**
     * The endpoint, unless the application has its own: what it needs checked as the context starts,
     * the endpoint made when the first callback arrives (or the application asks for it).
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnMissingBean(WebhookEndpoint.class)
    static final class Endpoint {

        @Bean
        RunflowStartupCheck runflowWebhookStoreCheck(RunflowProperties properties, ListableBeanFactory beans) {
            boolean noStore = beans.getBeanNamesForType(CallbackDeduplicator.class).length == 0;
            return RunflowStartupCheck.of(
                    "runflow webhook store",
                    noStore && properties.webhookSettings().dedup() == DedupKind.JDBC
                            ? List.of(NO_DATA_SOURCE)
                            : List.of());
        }

        @Bean
        @Lazy
        WebhookEndpoint runflowWebhookEndpoint(
                WebhookVerifier verifier,
                RunflowProperties properties,
                ObjectProvider<CallbackDeduplicator> deduplicator,
                ObjectProvider<RunflowClient> client,
                ObjectProvider<RunflowObserver> observers,
                ApplicationEventPublisher events,
                ListableBeanFactory beans,
                ObjectProvider<CallbackRelay> relay) {
            WebhookEndpoint.Builder builder = WebhookEndpoint.builder()
                    .verifier(verifier)
                    // The payload's own class is the event type: RunCallback and BatchCallback reach their own
                    // listeners, and a listener of Callback hears both.
                    .listener(events::publishEvent)
                    .observer(
                            RunflowObserver.composite(observers.orderedStream().toList()));
            CallbackDeduplicator chosen = deduplicator.getIfAvailable();
            boolean transactional = properties.webhookSettings().transactional();
            builder.transactional(transactional);
            if (chosen != null) {
                builder.deduplicator(transactional ? SpringTransactions.join(chosen, beans) : chosen);
            } else if (properties.webhookSettings().dedup() == DedupKind.JDBC) {
                throw new InvalidRunflowPropertyException(List.of(NO_DATA_SOURCE));
            }
            client.ifAvailable(builder::client);
            relay.ifAvailable(builder::relay);
            return builder.build();
        }
    }

    @Bean
    @ConditionalOnBean({JdbcRunLedger.class, RunflowClient.class})
    @ConditionalOnMissingBean
    ReconcilerLifecycle runflowCallbackReconciler(
            RunflowClient client, WebhookEndpoint endpoint, JdbcRunLedger ledger, RunflowProperties properties) {
        return new ReconcilerLifecycle(CallbackReconciler.builder()
                .client(client)
                .endpoint(endpoint)
                .ledger(ledger)
                .interval(properties.webhookSettings().reconcileInterval())
                .build());
    }

    @Bean
    @ConditionalOnProperty(name = "runflow.webhook.dedup", havingValue = "jdbc")
    @ConditionalOnProperty(name = "runflow.webhook.notify", havingValue = "postgres", matchIfMissing = true)
    @ConditionalOnSingleCandidate(DataSource.class)
    @ConditionalOnBean(RunflowClient.class)
    @ConditionalOnMissingBean(CallbackRelay.class)
    WakeUpLifecycle runflowPostgresWakeUp(RunflowClient client, WebhookVerifier verifier, DataSource dataSource) {
        return WakeUpLifecycle.create(client, verifier, dataSource);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = Type.SERVLET)
    @ConditionalOnClass(name = "org.springframework.web.servlet.function.RouterFunction")
    static final class Servlet {

        @Bean
        @ConditionalOnMissingBean(name = "runflowWebhookRoute")
        org.springframework.web.servlet.function.RouterFunction<org.springframework.web.servlet.function.ServerResponse>
                runflowWebhookRoute(ObjectProvider<WebhookEndpoint> endpoint, RunflowProperties properties) {
            return LazyServletWebhookRoute.create(properties.webhookSettings().path(), endpoint::getObject);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = Type.REACTIVE)
    @ConditionalOnClass(name = "org.springframework.web.reactive.function.server.RouterFunction")
    static final class Reactive {

        @Bean
        @ConditionalOnMissingBean(name = "runflowWebhookRoute")
        org.springframework.web.reactive.function.server.RouterFunction<
                        org.springframework.web.reactive.function.server.ServerResponse>
                runflowWebhookRoute(ObjectProvider<WebhookEndpoint> endpoint, RunflowProperties properties) {
            return LazyReactiveWebhookRoute.create(properties.webhookSettings().path(), endpoint::getObject);
        }
    }
}
