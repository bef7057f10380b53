package io.runflow.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.runflow.webhook.Callback;
import io.runflow.webhook.CallbackDeduplicator;
import io.runflow.webhook.JdbcCallbackDeduplicator;
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

    private static Callback callback(String runId) {
        byte[] body = ("{\"event\":\"run.completed\",\"run_id\":\"" + runId + "\",\"status\":\"succeeded\"}")
                .getBytes(StandardCharsets.UTF_8);
        return WebhookVerifier.builder()
                .secret("whsec_jdbc")
                .build()
                .verify(body, WebhookSigner.of("whsec_jdbc").sign(body));
    }
}
