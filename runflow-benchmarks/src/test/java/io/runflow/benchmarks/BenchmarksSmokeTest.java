package io.runflow.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.runflow.model.Run;
import io.runflow.model.RunStatus;
import io.runflow.webhook.Callback;
import io.runflow.webhook.RunCallback;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * Keeps the benchmarks from rotting without timing anything: JMH's processor ran, and every benchmark
 * body does what it claims once. The measurements themselves run only from {@code
 * runflow-benchmarks/run}.
 */
class BenchmarksSmokeTest {

    @Test
    void jmhGeneratedTheBenchmarkList() throws Exception {
        try (InputStream list = getClass().getResourceAsStream("/META-INF/BenchmarkList")) {
            assertThat(list)
                    .as("META-INF/BenchmarkList (annotationProcessorPaths)")
                    .isNotNull();
            String text = new String(list.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(text)
                    .contains(ClientOverheadBenchmark.class.getName())
                    .contains(WebhookBenchmark.class.getName());
        }
    }

    @Test
    void clientOverheadVariantsEachCreateAndReadARun() throws Exception {
        ClientOverheadBenchmark benchmark = new ClientOverheadBenchmark();
        benchmark.start();
        try {
            Run run = benchmark.runflowClient();
            JsonNode tree = benchmark.handRolledJackson();
            int length = benchmark.bareHttpClient();

            assertThat(run.status()).isEqualTo(RunStatus.QUEUED);
            assertThat(tree.path("status_code").asText()).isEqualTo("queued");
            assertThat(length).isPositive();
        } finally {
            benchmark.stop();
        }
    }

    @Test
    void idIsCutOutOfTheBodyWithoutAParser() {
        byte[] body = "{\"id\":\"r-1\",\"status_code\":\"queued\"}".getBytes(StandardCharsets.UTF_8);

        assertThat(ClientOverheadBenchmark.idOf(body)).isEqualTo("r-1");
    }

    @Test
    void clientOverheadVariantsWorkAgainstTheFakeInItsOwnProcess() throws Exception {
        try (RemoteFake fake = RemoteFake.start()) {
            ClientOverheadBenchmark benchmark = new ClientOverheadBenchmark();
            benchmark.connect(fake.baseUrl(), fake.apiKey());
            try {
                assertThat(benchmark.runflowClient().status()).isEqualTo(RunStatus.QUEUED);
                assertThat(benchmark.handRolledJackson().path("status_code").asText())
                        .isEqualTo("queued");
                assertThat(benchmark.bareHttpClient()).isPositive();
            } finally {
                benchmark.stop();
            }
        }
    }

    @Test
    void webhookVariantsAllAcceptTheSignedBody() throws Exception {
        WebhookBenchmark benchmark = new WebhookBenchmark();
        benchmark.start();

        assertThat(WebhookBenchmark.callbackOf(2048)).hasSize(2048);
        assertThat(benchmark.bareMac()).isTrue();
        assertThat(benchmark.signatureCheck()).hasSize(2048);
        Callback callback = benchmark.fullVerify();
        assertThat(callback).isInstanceOf(RunCallback.class);
        assertThat(callback.id()).isEqualTo("0190f3a2-7c1e-7b3a-9d2e-5c4b3a291807");
        assertThat(WebhookAllocation.bytesPerCall(1, 1)).containsOnlyKeys("bareMac", "signatureCheck", "fullVerify");
    }

    @Test
    void everyServerAnswersHealthRequestsInItsOwnJvm() throws Exception {
        List<String> lines = ServerThroughputMain.measure(1, 1, 2, 0);

        assertThat(lines)
                .singleElement()
                .asString()
                .contains(" fake=", " jdk=", " wiremock=", " mockwebserver=", " fake-jdk=");
    }

    @Test
    void aColdStartIsTimedInAFreshJvm() {
        long nanos = Processes.coldStartNanos(Processes.Server.JDK);

        assertThat(nanos).isPositive();
    }

    @Test
    void pendingWaitsAreMeasuredAndComplete() throws Exception {
        assertThat(PendingWaitsMain.bytesPerPendingWait(500)).isPositive();
        assertThat(PendingWaitsMain.completionMillis(200)).isNotNegative();
    }

    @Test
    void theInMemoryApiMovesARunOneStepPerPoll() {
        Map<String, java.util.concurrent.atomic.AtomicInteger> polls = new ConcurrentHashMap<>();
        io.runflow.RunflowApi api = PendingWaitsMain.inMemoryApi(polls);

        assertThat(api.getRun("r").status()).isEqualTo(RunStatus.QUEUED);
        assertThat(api.getRun("r").status()).isEqualTo(RunStatus.RUNNING);
        assertThat(api.getRun("r").status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(api.getRun("r").status()).isEqualTo(RunStatus.SUCCEEDED);
    }

    @Test
    void bothTestSuitesPassThroughTheLauncher() {
        for (Class<?> suite : List.of(RunflowTestSuite.class, JdkHttpServerSuite.class)) {
            SuiteMain.Result result = SuiteMain.run(suite);

            assertThat(result.failures()).as(suite.getSimpleName()).isEmpty();
            assertThat(result.succeeded()).as(suite.getSimpleName()).isEqualTo(20);
            assertThat(result.testMillis()).hasSize(20);
        }
    }

    @Test
    void aTestSuiteRunsInAFreshJvmWithOnlyWhatItNeeds() {
        TestSuiteCost.Measurement run = TestSuiteCost.run(TestSuiteCost.Suite.TESTKIT, List.of());

        assertThat(run.result().succeeded()).isEqualTo(20);
        assertThat(run.result().testMillis()).hasSize(20);
        assertThat(run.result().classesLoaded()).isPositive();
        assertThat(TestSuiteCost.classPath(TestSuiteCost.Suite.TESTKIT)).contains("runflow-testkit");
        assertThat(TestSuiteCost.classPath(TestSuiteCost.Suite.STUB))
                .contains("runflow-feign")
                .doesNotContain("runflow-testkit");
    }

    @Test
    void mediansOfOddAndEvenCounts() {
        assertThat(Main.median(java.util.List.of(3.0, 1.0, 2.0))).isEqualTo(2.0);
        assertThat(Main.median(java.util.List.of(4.0, 1.0, 2.0, 3.0))).isEqualTo(2.5);
    }
}
