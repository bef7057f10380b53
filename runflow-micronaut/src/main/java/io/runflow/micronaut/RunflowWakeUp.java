package io.runflow.micronaut;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.runflow.RunflowClient;
import io.runflow.webhook.Callback;
import io.runflow.webhook.CallbackRelay;
import io.runflow.webhook.PostgresWakeUp;
import io.runflow.webhook.WebhookVerifier;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The cross-instance wake-up when the data source is PostgreSQL ({@link PostgresWakeUp}: pg_notify
 * after each verified callback, one LISTEN thread that ends this application's waits on the run at
 * once), as the Spring starter wires it: with {@code runflow.webhook.dedup=jdbc} unless {@code
 * runflow.webhook.notify=none}; started with the application and closed with its context. On any
 * other database it relays nothing and waits end by polling. The listener's connection comes from
 * the data source and is kept for the application's life (with a pool, one connection less for the
 * rest).
 */
@Singleton
@Requires(property = RunflowConfiguration.ENABLED, notEquals = "false")
@Requires(property = RunflowConfiguration.WEBHOOK_SECRETS)
@Requires(property = RunflowConfiguration.WEBHOOK_DEDUP, value = "jdbc")
@Requires(property = RunflowConfiguration.WEBHOOK_NOTIFY, notEquals = "none")
@Requires(beans = {DataSource.class, RunflowClient.class})
final class RunflowWakeUp implements CallbackRelay, ApplicationEventListener<StartupEvent> {

    private final PostgresWakeUp wakeUp;

    RunflowWakeUp(RunflowClient client, WebhookVerifier verifier, DataSource dataSource) {
        this.wakeUp = postgres(dataSource)
                ? PostgresWakeUp.builder(dataSource, dataSource::getConnection)
                        .client(client)
                        .verifier(verifier)
                        .build()
                : null;
    }

    private static boolean postgres(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            return false;
        }
    }

    /** The wake-up, or null when the database is not PostgreSQL. */
    PostgresWakeUp wakeUp() {
        return wakeUp;
    }

    @Override
    public void relay(Callback callback, byte[] rawBody, String signature) {
        if (wakeUp != null) {
            wakeUp.relay(callback, rawBody, signature);
        }
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        if (wakeUp != null) {
            wakeUp.start();
        }
    }

    @PreDestroy
    void close() {
        if (wakeUp != null) {
            wakeUp.close();
        }
    }

    @Override
    public String toString() {
        return wakeUp == null ? "RunflowWakeUp[not PostgreSQL: polling]" : wakeUp.toString();
    }
}
