package io.runflow.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.runflow.RunflowClient;
import io.runflow.model.RunRequest;
import io.runflow.testkit.FakeModel;
import io.runflow.testkit.FakeRunflowServer;
import io.runflow.webhook.CallbackSource;
import io.runflow.webhook.JdbcRunLedger;
import io.runflow.webhook.RunCallback;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.event.EventListener;

/**
 * An application with dedup=jdbc on PostgreSQL that was down while Runflow made all three attempts
 * for 20 runs' callbacks catches up when it starts again: each run reaches its listener once, as a
 * reconciled callback.
 */
class ReconciliationTest {

    private static EmbeddedPostgres postgres;
    private static final FakeRunflowServer FAKE =
            FakeRunflowServer.builder().deterministic().outputImageSize(8, 8).build();

    /** Every run callback the listener received, by run id. */
    static final Map<String, List<CallbackSource>> RECEIVED = new ConcurrentHashMap<>();

    static final java.util.concurrent.CountDownLatch ALL_RECEIVED = new java.util.concurrent.CountDownLatch(20);

    @BeforeAll
    static void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.start();
    }

    @AfterAll
    static void stop() throws IOException {
        FAKE.close();
        postgres.close();
    }

    private ApplicationContextRunner app(DataSource dataSource) {
        return new ApplicationContextRunner()
                .withConfiguration(RunflowAutoConfigurationTest.RUNFLOW)
                .withBean(DataSource.class, () -> dataSource)
                .withUserConfiguration(Listener.class)
                .withPropertyValues(
                        "runflow.api-key=" + FAKE.apiKey(),
                        "runflow.base-url=" + FAKE.baseUrl(),
                        "runflow.webhook.secrets=" + FAKE.webhookSecret(),
                        "runflow.webhook.dedup=jdbc",
                        "runflow.webhook.reconcile.after=1ms",
                        "runflow.webhook.reconcile.interval=1h");
    }

    @Test
    @Timeout(60)
    void deliversEveryRunMissedWhileDownOnceWhenStartedAgain() throws Exception {
        DataSource dataSource = postgres.getPostgresDatabase();
        String downUrl = "http://127.0.0.1:" + unusedPort() + "/runflow/webhook";
        List<String> runIds = new ArrayList<>();

        app(dataSource).run(first -> {
            RunflowClient client = first.getBean(RunflowClient.class);
            for (int i = 0; i < 20; i++) {
                runIds.add(client.runs()
                        .create(RunRequest.of(FakeModel.FLUX_PRO_ULTRA, Map.of("prompt", "fox " + i))
                                .withCallbackUrl(downUrl))
                        .id());
            }
            assertThat(first.getBean(JdbcRunLedger.class).size()).isEqualTo(20);
        });
        // The application is stopped: every run ends and its three attempts all fail.
        FAKE.advance(Duration.ofSeconds(10));
        assertThat(FAKE.deliveries())
                .hasSize(20)
                .allSatisfy(delivery -> assertThat(delivery.attempts()).hasSize(3));
        assertThat(RECEIVED).isEmpty();

        app(dataSource).run(second -> {
            // The reconciler's first round runs as the application starts.
            assertThat(ALL_RECEIVED.await(30, java.util.concurrent.TimeUnit.SECONDS))
                    .isTrue();
            ReconcilerLifecycle reconciler = second.getBean(ReconcilerLifecycle.class);
            assertThat(reconciler.reconciler().reconcileNow().delivered()).isZero();
            assertThat(second.getBean(JdbcRunLedger.class).size()).isZero();
        });

        assertThat(RECEIVED.keySet()).containsExactlyInAnyOrderElementsOf(runIds);
        assertThat(RECEIVED.values())
                .allSatisfy(sources -> assertThat(sources).containsExactly(CallbackSource.RECONCILED));
    }

    private static int unusedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static class Listener {
        @EventListener
        void on(RunCallback callback) {
            RECEIVED.computeIfAbsent(callback.runId(), id -> new java.util.concurrent.CopyOnWriteArrayList<>())
                    .add(callback.source());
            ALL_RECEIVED.countDown();
        }
    }
}
