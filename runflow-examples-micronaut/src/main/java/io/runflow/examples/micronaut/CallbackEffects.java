package io.runflow.examples.micronaut;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.runtime.event.annotation.EventListener;
import io.runflow.webhook.Callback;
import io.runflow.webhook.CallbackListener;
import io.runflow.webhook.JdbcCallbackDeduplicator;
import io.runflow.webhook.RunCallback;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * For runflow-reliability's chaos run only ({@code images.effects-table} set): writes one row per
 * callback that reached the listeners into that table of the application's database, after a pause
 * of {@code images.effects-delay} (so that a process killed during deliveries dies inside a
 * listener). With {@code runflow.webhook.dedup=jdbc} and {@code runflow.webhook.transactional} on (the
 * default) the row is written on the connection of the delivery's transaction ({@link
 * JdbcCallbackDeduplicator#listener}), so it commits with the callback's de-duplication mark or not at
 * all; with it off, on a connection of its own.
 */
@Singleton
@Requires(property = "images.effects-table")
final class CallbackEffects {

    private static final Pattern TABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

    private final DataSource dataSource;
    private final String insert;
    private final Duration delay;
    private final String instance;
    private final boolean transactional;
    private final CallbackListener inTransaction;

    CallbackEffects(
            DataSource dataSource,
            @Value("${images.effects-table}") String table,
            @Value("${images.effects-delay:0ms}") Duration delay,
            @Value("${images.instance:}") String instance,
            @Value("${runflow.webhook.transactional:true}") boolean transactional) {
        if (!TABLE.matcher(table).matches()) {
            throw new IllegalArgumentException("images.effects-table must be a plain table name: " + table);
        }
        this.dataSource = dataSource;
        this.insert = "INSERT INTO " + table + " (run_id, instance, source) VALUES (?, ?, ?)";
        this.delay = delay;
        this.instance = instance;
        this.transactional = transactional;
        this.inTransaction = JdbcCallbackDeduplicator.listener((callback, connection) -> write(connection, callback));
    }

    @EventListener
    void on(RunCallback callback) throws SQLException, InterruptedException {
        Thread.sleep(delay.toMillis()); // the listener's "work", before its effect is written
        if (transactional) {
            inTransaction.onCallback(callback);
        } else {
            try (Connection connection = dataSource.getConnection()) {
                write(connection, callback);
            }
        }
    }

    private void write(Connection connection, Callback callback) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(insert)) {
            statement.setString(1, ((RunCallback) callback).runId());
            statement.setString(2, instance);
            statement.setString(3, callback.source().name());
            statement.executeUpdate();
        }
    }
}
