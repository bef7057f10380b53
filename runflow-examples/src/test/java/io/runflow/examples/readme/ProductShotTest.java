package io.runflow.examples.readme;

// snippet:start testkit-junit
import static io.runflow.testkit.assertj.RunflowAssertions.assertThat;

import io.runflow.RunflowClient;
import io.runflow.catalog.FluxProUltra;
import io.runflow.model.Run;
import io.runflow.model.RunStatus;
import io.runflow.testkit.FakeModel;
import io.runflow.testkit.FakeRunflowServer;
import io.runflow.testkit.Fault;
import io.runflow.testkit.Outcome;
import io.runflow.testkit.junit.RunflowTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

@RunflowTest(deterministic = true, imageSize = 64) // one fake server per class, reset before each test
class ProductShotTest {

    @Test
    void rendersTheProductShot(FakeRunflowServer server, RunflowClient runflow) {
        Run run =
                runflow.runs().run(FluxProUltra.input("a red sneaker on white").seed(42));

        assertThat(run).isSucceeded().hasImageOutput(64, 64);
        assertThat(server)
                .hasReceivedRuns(1)
                .hasReceivedRunFor(FakeModel.FLUX_PRO_ULTRA)
                .hasReceivedRunWithInput("seed", 42)
                .hasIdempotencyKeysOnEveryRun();
    }

    @Test
    void survivesRateLimitsAndReportsAProviderFailure(FakeRunflowServer server, RunflowClient runflow) {
        server.inject(Fault.rateLimited().times(2).onPath("/v1/models/")); // retried by the client
        server.onNextRun(Outcome.fail("PROVIDER_ERROR", "inference", "GPU on fire"));

        Run run = runflow.runs().create(FluxProUltra.input("a red sneaker"));
        server.advance(Duration.ofSeconds(1)); // server time: no sleeping

        assertThat(runflow.runs().get(run.id())).hasStatus(RunStatus.FAILED);
    }
}
// snippet:end testkit-junit
