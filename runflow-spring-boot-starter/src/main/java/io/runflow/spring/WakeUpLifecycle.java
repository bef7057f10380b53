package io.runflow.spring;

import io.runflow.RunflowClient;
import io.runflow.webhook.Callback;
import io.runflow.webhook.CallbackRelay;
import io.runflow.webhook.PostgresWakeUp;
import io.runflow.webhook.WebhookVerifier;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.context.SmartLifecycle;

/**
 * The cross-instance wake-up when the DataSource is PostgreSQL ({@link PostgresWakeUp}: pg_notify
 * after each verified callback, one LISTEN thread), started and stopped with the context; on any
 * other database it relays nothing and waits end by polling. The listener's connection comes from
 * the DataSource and is kept for the application's life (with a pool, one connection less for the
 * rest).
 */
final class WakeUpLifecycle implements SmartLifecycle, CallbackRelay {

    private final PostgresWakeUp wakeUp;
    private volatile boolean running;

    private WakeUpLifecycle(PostgresWakeUp wakeUp) {
        this.wakeUp = wakeUp;
    }

    static WakeUpLifecycle create(RunflowClient client, WebhookVerifier verifier, DataSource dataSource) {
        boolean postgres;
        try (Connection connection = dataSource.getConnection()) {
            postgres = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            postgres = false;
        }
        return new WakeUpLifecycle(
                postgres
                        ? PostgresWakeUp.builder(dataSource, dataSource::getConnection)
                                .client(client)
                                .verifier(verifier)
                                .build()
                        : null);
    }

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
    public void start() {
        if (wakeUp != null) {
            wakeUp.start();
        }
        running = true;
    }

    @Override
    public void stop() {
        if (wakeUp != null) {
            wakeUp.close();
        }
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public String toString() {
        return wakeUp == null ? "WakeUpLifecycle[not PostgreSQL: polling]" : wakeUp.toString();
    }
}
