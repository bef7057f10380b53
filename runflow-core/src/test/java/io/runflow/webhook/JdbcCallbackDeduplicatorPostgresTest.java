package io.runflow.webhook;

import static io.runflow.webhook.SignedCallbacks.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGConnectionPoolDataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.postgresql.util.PSQLException;

/** Against a real PostgreSQL 14, started once for the class from the binaries on the class path. */
class JdbcCallbackDeduplicatorPostgresTest extends JdbcCallbackDeduplicatorContract {

    private static EmbeddedPostgres postgres;
    // H2's small pool over PostgreSQL's pooled connections: no pool library on the class path.
    private static JdbcConnectionPool pool;
    private static JdbcConnectionPool otherPool;

    @BeforeAll
    static void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.start();
        pool = newPool();
        otherPool = newPool();
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        try {
            pool.dispose();
            otherPool.dispose();
        } finally {
            postgres.close();
        }
    }

    private static JdbcConnectionPool newPool() {
        PGConnectionPoolDataSource connections = new PGConnectionPoolDataSource();
        connections.setUrl(postgres.getJdbcUrl("postgres", "postgres"));
        JdbcConnectionPool created = JdbcConnectionPool.create(connections);
        created.setMaxConnections(8);
        return created;
    }

    @Test
    void reportsADatabaseThatIsDownWithoutItsAddressOrCredentials() throws IOException {
        PGSimpleDataSource down = new PGSimpleDataSource();
        down.setUrl("jdbc:postgresql://127.0.0.1:" + unusedPort() + "/orders");
        down.setUser("orders_app");
        down.setPassword("s3cret-hunter2");
        JdbcCallbackDeduplicator deduplicator =
                JdbcCallbackDeduplicator.builder(down).build();

        CallbackDeduplicationException failure = catchThrowableOfType(
                CallbackDeduplicationException.class, () -> deduplicator.firstDelivery(run("run-1", "run.completed")));

        assertThat(failure)
                .hasMessage("JdbcCallbackDeduplicator.firstDelivery on runflow_callback_deliveries failed: "
                        + "SQLState 08001 (PSQLException)")
                .hasCauseInstanceOf(PSQLException.class);
        assertThat(failure.getMessage()).doesNotContain("127.0.0.1", "orders", "hunter2");
    }

    @Test
    void aDeliveryWhoseDatabaseSessionDiesMidListenerLeavesNoMarkAndTheRetryIsDelivered() throws Exception {
        // What a SIGKILLed instance looks like to PostgreSQL: its session ends with the transaction open.
        JdbcCallbackDeduplicator deduplicator =
                JdbcCallbackDeduplicator.builder(pool).build();
        deduplicator.createTableIfMissing();
        try (var connection = pool.getConnection();
                var statement = connection.createStatement()) {
            statement.execute("DELETE FROM " + JdbcCallbackDeduplicator.DEFAULT_TABLE_NAME);
        }
        java.util.List<String> handled = new java.util.concurrent.CopyOnWriteArrayList<>();
        WebhookEndpoint dying = WebhookEndpoint.builder()
                .verifier(WebhookVerifier.builder().secret("whsec_unused").build())
                .deduplicator(deduplicator)
                .listener(JdbcCallbackDeduplicator.listener((callback, connection) -> {
                    try (var pid = connection.createStatement().executeQuery("SELECT pg_backend_pid()");
                            var killer = otherPool.getConnection();
                            var terminate = killer.prepareStatement("SELECT pg_terminate_backend(?)")) {
                        pid.next();
                        terminate.setInt(1, pid.getInt(1));
                        terminate.execute();
                    }
                }))
                .build();

        assertThat(dying.deliver(run("run-killed", "run.completed")).status()).isEqualTo(500);

        WebhookEndpoint restarted = WebhookEndpoint.builder()
                .verifier(WebhookVerifier.builder().secret("whsec_unused").build())
                .deduplicator(JdbcCallbackDeduplicator.builder(otherPool).build())
                .listener(callback -> handled.add(callback.id()))
                .build();
        assertThat(restarted.deliver(run("run-killed", "run.completed")).body())
                .isEqualTo("{\"outcome\":\"delivered\"}");
        assertThat(handled).containsExactly("run-killed");
    }

    private static int unusedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    DataSource pool() {
        return pool;
    }

    @Override
    DataSource otherPool() {
        return otherPool;
    }

    @Override
    String databaseName() {
        return "PostgreSQL";
    }

    @Override
    String missingTableFailure() {
        return "SQLState 42P01 (PSQLException)";
    }

    @Override
    String notNullFailure() {
        return "SQLState 23502 (PSQLException)";
    }
}
