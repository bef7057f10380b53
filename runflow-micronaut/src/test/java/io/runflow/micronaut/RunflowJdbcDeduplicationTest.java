package io.runflow.micronaut;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.runtime.event.annotation.EventListener;
import io.runflow.RunflowClient;
import io.runflow.catalog.FluxProUltra;
import io.runflow.model.Run;
import io.runflow.testkit.FakeRunflowServer;
import io.runflow.testkit.RecordedCallback;
import io.runflow.webhook.CallbackDeduplicator;
import io.runflow.webhook.JdbcCallbackDeduplicator;
import io.runflow.webhook.RunCallback;
import io.runflow.webhook.WebhookEndpoint;
import io.runflow.webhook.WebhookVerifier;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** {@code runflow.webhook.dedup=jdbc} against a real PostgreSQL, shared by two application instances. */
class RunflowJdbcDeduplicationTest {

    private static EmbeddedPostgres postgres;
    private static FakeRunflowServer fake;

    @BeforeAll
    static void start() throws IOException {
        postgres = EmbeddedPostgres.start();
        fake = FakeRunflowServer.builder().deterministic().build();
    }

    @AfterAll
    static void stop() throws IOException {
        fake.close();
        postgres.close();
    }

    @Test
    void twoInstancesDeliverACallbackOnceBetweenThem() throws SQLException {
        RecordedCallback delivery = aSignedCallback();
        try (ApplicationContext first = instance();
                ApplicationContext second = instance()) {
            assertThat(first.getBean(CallbackDeduplicator.class)).isInstanceOf(JdbcCallbackDeduplicator.class);

            int toFirst = handle(first, delivery);
            int toSecond = handle(second, delivery);

            assertThat(toFirst).isEqualTo(200);
            assertThat(toSecond).isEqualTo(200);
            assertThat(first.getBean(Counter.class).count + second.getBean(Counter.class).count)
                    .isEqualTo(1);
            assertThat(rows()).isEqualTo(1);
        }
    }

    private static int handle(ApplicationContext context, RecordedCallback delivery) {
        return context.getBean(WebhookEndpoint.class)
                .handle(
                        delivery.payload(),
                        name -> WebhookVerifier.SIGNATURE_HEADER.equalsIgnoreCase(name) ? delivery.signature() : null)
                .status();
    }

    private static ApplicationContext instance() {
        return ApplicationContext.run(Map.of(
                "spec.name", "RunflowJdbcDeduplicationTest",
                "runflow.api-key", fake.apiKey(),
                "runflow.base-url", fake.baseUrl(),
                "runflow.webhook.secrets", fake.webhookSecret(),
                "runflow.webhook.dedup", "jdbc"));
    }

    /** A callback the fake signed; its attempts failed, since nothing listens at the URL. */
    private static RecordedCallback aSignedCallback() {
        try (RunflowClient client = fake.clientBuilder().build()) {
            Run run = client.runs()
                    .create(FluxProUltra.input("a fox").toRequest().withCallbackUrl("http://127.0.0.1:9/hook"));
            fake.advance(Duration.ofSeconds(1));
            return fake.deliveries(run.id()).get(0);
        }
    }

    private static int rows() throws SQLException {
        try (Connection connection = dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows =
                        statement.executeQuery("SELECT count(*) FROM " + JdbcCallbackDeduplicator.DEFAULT_TABLE_NAME)) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static DataSource dataSource() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(postgres.getJdbcUrl("postgres", "postgres"));
        return dataSource;
    }

    @Factory
    @Requires(property = "spec.name", value = "RunflowJdbcDeduplicationTest")
    static class DataSources {
        @Singleton
        DataSource dataSource() {
            return RunflowJdbcDeduplicationTest.dataSource();
        }
    }

    /** Counts the callbacks an instance's listener received. */
    @Singleton
    @Requires(property = "spec.name", value = "RunflowJdbcDeduplicationTest")
    static class Counter {
        int count;

        @EventListener
        void on(RunCallback callback) {
            count++;
        }
    }
}
