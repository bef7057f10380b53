package io.runflow.micronaut;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.runflow.RunflowClient;
import io.runflow.model.Run;
import io.runflow.model.RunRequest;
import io.runflow.model.RunStatus;
import io.runflow.testkit.FakeModel;
import io.runflow.testkit.FakeRunflowServer;
import io.runflow.testkit.Outcome;
import io.runflow.testkit.RecordedCallback;
import io.runflow.webhook.CallbackRelay;
import io.runflow.webhook.PostgresWakeUp;
import io.runflow.webhook.WebhookEndpoint;
import io.runflow.webhook.WebhookVerifier;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * {@code runflow.webhook.notify} in Micronaut, as in the Spring starter: two applications sharing
 * PostgreSQL with {@code dedup=jdbc}; a wait on the first ends within a second of the callback
 * reaching the second, although the first polls only every 60 s, also after the first's LISTEN
 * connection was cut off; {@code notify=none} wires no wake-up.
 */
class RunflowWakeUpTest {

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

    private static ApplicationContext instance(Map<String, Object> more) {
        Map<String, Object> properties = new HashMap<>(Map.of(
                "spec.name", "RunflowWakeUpTest",
                "runflow.api-key", FAKE.apiKey(),
                "runflow.base-url", FAKE.baseUrl(),
                "runflow.webhook.secrets", FAKE.webhookSecret(),
                "runflow.webhook.dedup", "jdbc",
                "runflow.webhook.reconcile.enabled", "false",
                "runflow.poll.initial-interval", "60s",
                "runflow.poll.max-interval", "60s"));
        properties.putAll(more);
        return ApplicationContext.run(properties);
    }

    @Test
    @Timeout(60)
    void endsAWaitOnOneInstanceWhenTheCallbackReachesAnotherEvenAfterItsListenConnectionWasCut() throws Exception {
        String unreachable = "http://127.0.0.1:" + unusedPort() + "/runflow/webhook";
        try (ApplicationContext first = instance(Map.of());
                ApplicationContext second = instance(Map.of())) {
            PostgresWakeUp wakeUp = first.getBean(RunflowWakeUp.class).wakeUp();
            assertThat(wakeUp).as("the first instance's wake-up on PostgreSQL").isNotNull();
            assertThat(second.getBean(CallbackRelay.class)).isInstanceOf(RunflowWakeUp.class);
            awaitTrue(wakeUp::listening);

            assertEndsWithinASecond(first, second, unreachable, "fox");

            int cutOff = wakeUp.backendPid();
            try (Connection connection = dataSource().getConnection();
                    PreparedStatement terminate = connection.prepareStatement("SELECT pg_terminate_backend(?)")) {
                terminate.setInt(1, cutOff);
                terminate.execute();
            }
            awaitTrue(() -> wakeUp.listening() && wakeUp.backendPid() != cutOff);

            assertEndsWithinASecond(first, second, unreachable, "owl");
        }
    }

    @Test
    void notifyNoneWiresNoWakeUp() {
        try (ApplicationContext context = instance(Map.of("runflow.webhook.notify", "none"))) {
            assertThat(context.getBean(WebhookEndpoint.class)).isNotNull();
            assertThat(context.containsBean(RunflowWakeUp.class)).isFalse();
            assertThat(context.containsBean(CallbackRelay.class)).isFalse();
        }
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
                                name -> WebhookVerifier.SIGNATURE_HEADER.equalsIgnoreCase(name)
                                        ? callback.signature()
                                        : null)
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

    private static DataSource dataSource() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(postgres.getJdbcUrl("postgres", "postgres"));
        return dataSource;
    }

    @Factory
    @Requires(property = "spec.name", value = "RunflowWakeUpTest")
    static class DataSources {
        @Singleton
        DataSource dataSource() {
            return RunflowWakeUpTest.dataSource();
        }
    }
}
