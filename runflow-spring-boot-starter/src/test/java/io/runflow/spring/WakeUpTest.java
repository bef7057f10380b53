package io.runflow.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.runflow.RunflowClient;
import io.runflow.model.Run;
import io.runflow.model.RunRequest;
import io.runflow.model.RunStatus;
import io.runflow.testkit.FakeModel;
import io.runflow.testkit.FakeRunflowServer;
import io.runflow.testkit.Outcome;
import io.runflow.testkit.RecordedCallback;
import io.runflow.webhook.PostgresWakeUp;
import io.runflow.webhook.WebhookEndpoint;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;

/**
 * Two applications sharing PostgreSQL: a wait on the first ends within a second of the callback
 * reaching the second, although the first polls only every 60 s; also after the first's LISTEN
 * connection was cut off.
 */
class WakeUpTest {

    private static EmbeddedPostgres postgres;
    private static final FakeRunflowServer FAKE =
            FakeRunflowServer.builder().deterministic().outputImageSize(8, 8).build();

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
                .withPropertyValues(
                        "runflow.api-key=" + FAKE.apiKey(),
                        "runflow.base-url=" + FAKE.baseUrl(),
                        "runflow.webhook.secrets=" + FAKE.webhookSecret(),
                        "runflow.webhook.dedup=jdbc",
                        "runflow.webhook.reconcile.enabled=false",
                        "runflow.poll.initial-interval=60s",
                        "runflow.poll.max-interval=60s");
    }

    @Test
    @Timeout(60)
    void endsAWaitOnOneInstanceWhenTheCallbackReachesAnotherEvenAfterItsListenConnectionWasCut() throws Exception {
        DataSource dataSource = postgres.getPostgresDatabase();
        String unreachable = "http://127.0.0.1:" + unusedPort() + "/runflow/webhook";
        app(dataSource)
                .run(first -> app(dataSource).run(second -> {
                    PostgresWakeUp wakeUp = first.getBean(WakeUpLifecycle.class).wakeUp();
                    assertThat(wakeUp)
                            .as("the first instance's wake-up on PostgreSQL")
                            .isNotNull();
                    awaitTrue(wakeUp::listening);

                    assertEndsWithinASecond(first, second, unreachable, "fox");

                    int cutOff = wakeUp.backendPid();
                    try (Connection connection = dataSource.getConnection();
                            PreparedStatement terminate =
                                    connection.prepareStatement("SELECT pg_terminate_backend(?)")) {
                        terminate.setInt(1, cutOff);
                        terminate.execute();
                    }
                    awaitTrue(() -> wakeUp.listening() && wakeUp.backendPid() != cutOff);

                    assertEndsWithinASecond(first, second, unreachable, "owl");
                }));
    }

    private static void assertEndsWithinASecond(
            ApplicationContext first, ApplicationContext second, String unreachable, String prompt) throws Exception {
        RunflowClient client = first.getBean(RunflowClient.class);
        FAKE.onNextRun(Outcome.hold());
        Run created = client.runs()
                .create(RunRequest.of(FakeModel.FLUX_PRO_ULTRA, Map.of("prompt", prompt))
                        .withCallbackUrl(unreachable));
        CompletableFuture<Run> wait = client.runs().awaitAsync(created.id());
        FAKE.release(created.id());
        FAKE.advance(Duration.ofSeconds(10));
        RecordedCallback callback = FAKE.deliveries(created.id()).get(0);

        long start = System.nanoTime();
        assertThat(second.getBean(WebhookEndpoint.class)
                        .handle(
                                callback.payload(),
                                name -> name.equalsIgnoreCase("Runflow-Signature") ? callback.signature() : null)
                        .status())
                .isEqualTo(200);

        assertThat(wait.get(1, TimeUnit.SECONDS).status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
    }

    /** Waits for the listener thread's state (its connection and LISTEN), not for a retry or poll. */
    private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("in time").isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    private static int unusedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
