package io.runflow.testkit.junit;

import static io.runflow.testkit.assertj.RunflowAssertions.assertThat;

import io.runflow.RunflowClient;
import io.runflow.catalog.FluxProUltra;
import io.runflow.model.Run;
import io.runflow.model.RunStatus;
import io.runflow.testkit.FakeModel;
import io.runflow.testkit.FakeRunflowServer;
import io.runflow.testkit.JdkTestTransport;
import io.runflow.testkit.Outcome;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The README's example, with this module's test transport in place of runflow-feign. */
class ReadmeExampleTest {

    @RegisterExtension
    static final RunflowExtension runflow = RunflowExtension.builder()
            .server(FakeRunflowServer.builder().deterministic().outputImageSize(64, 64))
            .client(b -> b.transport(new JdkTestTransport()))
            .build();

    @Test
    void rendersTheProductShot(FakeRunflowServer server, RunflowClient client) {
        Run run = client.runs().run(FluxProUltra.input("a red sneaker on white").seed(42));

        assertThat(run).isSucceeded().hasImageOutput(64, 64);
        assertThat(server)
                .hasReceivedRuns(1)
                .hasReceivedRunFor(FakeModel.FLUX_PRO_ULTRA)
                .hasReceivedRunWithInput("seed", 42)
                .hasIdempotencyKeysOnEveryRun();
    }

    @Test
    void reportsAProviderFailure(FakeRunflowServer server, RunflowClient client) {
        server.onNextRun(Outcome.fail("PROVIDER_ERROR", "inference", "GPU on fire"));

        Run run = client.runs().create(FluxProUltra.input("a red sneaker"));
        server.advance(Duration.ofSeconds(1));

        assertThat(client.runs().get(run.id())).hasStatus(RunStatus.FAILED);
    }

    @Test
    void signsTheCallback(FakeRunflowServer server, RunflowClient client) {
        try (TestReceiver receiver = new TestReceiver()) {
            client.runs().create(FluxProUltra.input("a red sneaker").toRequest().withCallbackUrl(receiver.url()));
            server.advance(Duration.ofSeconds(1));

            assertThat(server.deliveries().get(0)).isDelivered().hasValidSignatureFor(server.webhookSecret());
        }
    }
}
