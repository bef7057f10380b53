package io.runflow.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.runflow.webhook.Callback;
import io.runflow.webhook.CallbackDeduplicator;
import io.runflow.webhook.JdbcCallbackDeduplicator;
import io.runflow.webhook.RunCallback;
import io.runflow.webhook.WebhookEndpoint;
import io.runflow.webhook.WebhookSigner;
import io.runflow.webhook.WebhookVerifier;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

/** runflow.webhook.dedup=jdbc on a real PostgreSQL: the table is made, and repeats are recognised. */
class JdbcDeduplicationTest {

    private static EmbeddedPostgres postgres;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(RunflowAutoConfigurationTest.RUNFLOW)
            .withPropertyValues(
                    "runflow.api-key=rf_test_key",
                    "runflow.base-url=" + RunflowAutoConfigurationTest.FAKE.baseUrl(),
                    "runflow.webhook.secrets=whsec_jdbc",
                    "runflow.webhook.dedup=jdbc");

    @BeforeAll
    static void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.start();
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        postgres.close();
    }

    @Test
    void sharesTheMarksThroughTheApplicationsDataSource() {
        DataSource dataSource = postgres.getPostgresDatabase();
        runner.withBean(DataSource.class, () -> dataSource).run(context -> {
            CallbackDeduplicator deduplicator = context.getBean(CallbackDeduplicator.class);
            assertThat(deduplicator).isInstanceOf(JdbcCallbackDeduplicator.class);
            // No transaction manager here: the deduplicator's own transaction, on a connection of its own.
            assertThat(context.getBean(WebhookEndpoint.class).toString())
                    .contains("deduplicator=JdbcCallbackDeduplicator[");
            Callback callback = callback("run-jdbc-1");
            assertThat(deduplicator.firstDelivery(callback)).isTrue();
            assertThat(deduplicator.firstDelivery(callback)).isFalse();
            try (Connection connection = dataSource.getConnection();
                    ResultSet rows = connection
                            .createStatement()
                            .executeQuery("SELECT delivery_key FROM " + JdbcCallbackDeduplicator.DEFAULT_TABLE_NAME)) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("run:run-jdbc-1:run.completed");
            }
        });
    }

    @Test
    void startsAgainstATableThatExistsAlready() {
        DataSource dataSource = postgres.getPostgresDatabase();
        runner.withBean(DataSource.class, () -> dataSource)
                .run(first -> runner.withBean(DataSource.class, () -> dataSource)
                        .run(second -> assertThat(second).hasNotFailed()));
    }

    @Test
    void commitsAListenersJdbcTemplateWritesWithTheMark() {
        DataSource dataSource = postgres.getPostgresDatabase();
        new JdbcTemplate(dataSource).execute("DROP TABLE IF EXISTS effects");
        new JdbcTemplate(dataSource).execute("CREATE TABLE effects (run_id VARCHAR(64) PRIMARY KEY)");
        runner.withBean(DataSource.class, () -> dataSource)
                // Beans rather than Boot's auto-configurations, which moved packages in Boot 4.
                .withBean(PlatformTransactionManager.class, () -> new DataSourceTransactionManager(dataSource))
                .withBean(JdbcTemplate.class, () -> new JdbcTemplate(dataSource))
                .withUserConfiguration(EffectWriter.class)
                .run(context -> {
                    WebhookEndpoint endpoint = context.getBean(WebhookEndpoint.class);
                    JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
                    assertThat(endpoint.toString())
                            .contains("deduplicator=SpringTransactionalCallbackDeduplicator[JdbcCallbackDeduplicator[");

                    assertThat(endpoint.deliver(callback("run-ok")).body()).isEqualTo("{\"outcome\":\"delivered\"}");
                    assertThat(endpoint.deliver(callback("run-ok")).body()).isEqualTo("{\"outcome\":\"duplicate\"}");
                    assertThat(endpoint.deliver(callback("run-fails")).status()).isEqualTo(500);

                    assertThat(jdbc.queryForList("SELECT run_id FROM effects", String.class))
                            .containsExactly("run-ok");
                    assertThat(jdbc.queryForList(
                                    "SELECT delivery_key FROM " + JdbcCallbackDeduplicator.DEFAULT_TABLE_NAME
                                            + " WHERE delivery_key LIKE 'run:run-fails%'",
                                    String.class))
                            .isEmpty();
                });
    }

    @Test
    void marksFirstWhenTransactionalIsOff() {
        DataSource dataSource = postgres.getPostgresDatabase();
        runner.withBean(DataSource.class, () -> dataSource)
                .withBean(PlatformTransactionManager.class, () -> new DataSourceTransactionManager(dataSource))
                .withPropertyValues("runflow.webhook.transactional=false")
                .run(context -> assertThat(
                                context.getBean(WebhookEndpoint.class).toString())
                        .contains("deduplicator=JdbcCallbackDeduplicator["));
    }

    /** Writes an effect through the application's JdbcTemplate, then fails for one run. */
    static class EffectWriter {
        private final JdbcTemplate jdbc;

        EffectWriter(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        @EventListener
        void on(RunCallback callback) {
            jdbc.update("INSERT INTO effects (run_id) VALUES (?)", callback.runId());
            if (callback.runId().equals("run-fails")) {
                throw new IllegalStateException("listener failed after writing");
            }
        }
    }

    private static Callback callback(String runId) {
        byte[] body = ("{\"event\":\"run.completed\",\"run_id\":\"" + runId + "\",\"status\":\"succeeded\"}")
                .getBytes(StandardCharsets.UTF_8);
        return WebhookVerifier.builder()
                .secret("whsec_jdbc")
                .build()
                .verify(body, WebhookSigner.of("whsec_jdbc").sign(body));
    }
}
