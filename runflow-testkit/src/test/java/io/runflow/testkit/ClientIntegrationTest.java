package io.runflow.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.runflow.RunflowClient;
import io.runflow.catalog.FluxProUltra;
import io.runflow.model.OutputFile;
import io.runflow.model.Run;
import io.runflow.model.RunStatus;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Core's client against the fake: the fake's hand-written JSON decodes into core's records. */
class ClientIntegrationTest {

    @Test
    void clientWaitsInServerTimeForARunNeedingManyPolls(@TempDir Path dir) throws IOException {
        try (FakeRunflowServer server = FakeRunflowServer.builder()
                        .deterministic()
                        .outputImageSize(32, 18)
                        .phases(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(50))
                        .build();
                RunflowClient client =
                        server.clientBuilder().transport(new JdkTestTransport()).build()) {
            long started = System.nanoTime();

            Run run = client.runs()
                    .run(FluxProUltra.input("a serene japanese garden").seed(42));

            // 60 s of server time; far less of real time, however loaded the machine, proves no real waiting.
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
            assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
            assertThat(run.output().seed()).isEqualTo(42L);
            assertThat(run.duration()).isEqualTo(Duration.ofSeconds(60));
            OutputFile file = run.output().outputs().get(0);
            assertThat(file.contentType()).isEqualTo("image/jpeg");
            assertThat(file.width()).isEqualTo(32);
            BufferedImage image = ImageIO.read(
                    client.download(file, dir.resolve("garden.jpg")).toFile());
            assertThat(image.getWidth()).isEqualTo(32);
            assertThat(image.getHeight()).isEqualTo(18);
            assertThat(server.runs().get(0).idempotencyKey()).isNotBlank();
        }
    }
}
