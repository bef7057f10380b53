package io.runflow.examples.spring;

import io.runflow.webhook.RunCallback;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * For runflow-reliability's chaos run only ({@code images.effects-table} set): writes one row per
 * callback that reached the listeners into that table of the application's database, after a pause
 * of {@code images.effects-delay} (so that a process killed during deliveries dies inside a
 * listener). With {@code runflow.webhook.dedup=jdbc} the row is written on the connection of the
 * delivery's transaction (spring-jdbc's {@code DataSourceUtils}, as {@code JdbcTemplate} would), so it
 * commits with the callback's de-duplication mark or not at all. spring-jdbc is on the class path only
 * where the reliability harness puts it there (this sample does not depend on it, see
 * runflow-reliability's README), hence the reflective look-up.
 */
@Component
@ConditionalOnProperty("images.effects-table")
class CallbackEffects {

    private static final Pattern TABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

    private final DataSource dataSource;
    private final String insert;
    private final Duration delay;
    private final String instance;
    private final Method getConnection;
    private final Method releaseConnection;

    CallbackEffects(
            DataSource dataSource,
            @Value("${images.effects-table}") String table,
            @Value("${images.effects-delay:0ms}") Duration delay,
            @Value("${images.instance:}") String instance)
            throws ReflectiveOperationException {
        if (!TABLE.matcher(table).matches()) {
            throw new IllegalArgumentException("images.effects-table must be a plain table name: " + table);
        }
        this.dataSource = dataSource;
        this.insert = "INSERT INTO " + table + " (run_id, instance, source) VALUES (?, ?, ?)";
        this.delay = delay;
        this.instance = instance;
        Class<?> utils = Class.forName("org.springframework.jdbc.datasource.DataSourceUtils");
        this.getConnection = utils.getMethod("getConnection", DataSource.class);
        this.releaseConnection = utils.getMethod("releaseConnection", Connection.class, DataSource.class);
    }

    @EventListener
    void on(RunCallback callback) throws SQLException, InterruptedException, ReflectiveOperationException {
        Thread.sleep(delay.toMillis()); // the listener's "work", before its effect is written
        Connection connection = (Connection) invoke(getConnection, dataSource);
        try (PreparedStatement statement = connection.prepareStatement(insert)) {
            statement.setString(1, callback.runId());
            statement.setString(2, instance);
            statement.setString(3, callback.source().name());
            statement.executeUpdate();
        } finally {
            invoke(releaseConnection, connection, dataSource);
        }
    }

    private static Object invoke(Method method, Object... args) throws ReflectiveOperationException {
        try {
            return method.invoke(null, args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }
}
