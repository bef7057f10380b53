package io.runflow.examples.readme;

import static org.assertj.core.api.Assertions.assertThat;

import io.runflow.RunflowClient;
import io.runflow.model.Balance;
import io.runflow.model.Batch;
import io.runflow.model.Run;
import io.runflow.model.RunStatus;
import io.runflow.testkit.FakeRunflowServer;
import io.runflow.testkit.Outcome;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the README's batch, asset and account snippets against the fake. */
class ApiSurfaceExampleTest {

    @TempDir
    Path dir;

    @Test
    void theBatchSnippetRunsTwoItemsToTheEnd() {
        try (FakeRunflowServer server =
                        FakeRunflowServer.builder().deterministic().build();
                RunflowClient runflow = server.clientBuilder().build()) {
            Batch batch = ApiSurfaceExample.batch(runflow, "http://127.0.0.1:9/hooks/runflow");

            assertThat(batch.status()).isEqualTo(RunStatus.SUCCEEDED);
            assertThat(batch.itemsSucceeded()).isEqualTo(2);
        }
    }

    @Test
    void theAssetSnippetUploadsAPhotoAndRunsAModelOnIt() throws Exception {
        try (FakeRunflowServer server =
                        FakeRunflowServer.builder().deterministic().build();
                RunflowClient runflow = server.clientBuilder().build()) {
            Path photo = Files.write(dir.resolve("chair.jpg"), new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF});

            Run run = ApiSurfaceExample.asset(runflow, photo);

            assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
            assertThat(run.input().path("image_url").asString().orElseThrow())
                    .startsWith(server.baseUrl() + "/asset-files/");
        }
    }

    @Test
    void theAccountSnippetReadsTheBalanceAndAFailedRunsLogs() {
        try (FakeRunflowServer server =
                        FakeRunflowServer.builder().deterministic().build();
                RunflowClient runflow = server.clientBuilder().build()) {
            server.onNextRun(Outcome.fail());
            Run failed = runflow.runs().create(io.runflow.catalog.FluxProUltra.input("x"));
            server.advance(java.time.Duration.ofSeconds(5));

            Balance balance = ApiSurfaceExample.account(runflow, failed.id());

            assertThat(balance.balance()).isEqualTo(new BigDecimal("100.00"));
            assertThat(runflow.account().balance().lowBalanceThreshold()).isEqualTo(new BigDecimal("20.00"));
        }
    }
}
