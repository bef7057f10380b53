package io.runflow.feign;

import static org.assertj.core.api.Assertions.assertThat;

import io.runflow.PollPolicy;
import io.runflow.RunflowClient;
import io.runflow.catalog.FluxProUltra;
import io.runflow.model.OutputFile;
import io.runflow.model.Run;
import io.runflow.model.RunStatus;
import io.runflow.testkit.FakeModel;
import io.runflow.testkit.FakeRunflowServer;
import io.runflow.webhook.RunCallback;
import io.runflow.webhook.WebhookVerificationException;
import io.runflow.webhook.WebhookVerifier;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole path a user takes: RunflowClient, found transport, fake server, download, callbacks. */
class RunflowClientEndToEndTest {

    @TempDir
    Path dir;

    @Test
    void fluxUltraRunIsCreatedAwaitedByPollingAndItsJpegDownloaded() throws Exception {
        try (FakeRunflowServer server = FakeRunflowServer.builder()
                        .deterministic()
                        .outputImageSize(96, 64)
                        .build();
                RunflowClient runflow = server.clientBuilder().build()) {

            Run run = runflow.runs()
                    .run(FluxProUltra.input("a serene japanese garden").seed(42));

            assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
            assertThat(run.output().seed()).isEqualTo(42L);
            assertThat(server.requests())
                    .filteredOn(r -> r.method().equals("GET") && r.path().equals("/v1/runs/" + run.id()))
                    .isNotEmpty();
            OutputFile file = run.output().outputs().get(0);
            assertThat(file.contentType()).isEqualTo("image/jpeg");
            assertThat(file.width()).isEqualTo(96);
            assertThat(file.height()).isEqualTo(64);
            assertIsJpeg(runflow.download(file, dir.resolve("garden.jpg")), 96, 64);
        }
    }

    @Test
    void verifiedCallbackCompletesTheWaitBeforeTheNextPoll() throws Exception {
        // Real time: the run ends some 300 ms after the create, the first poll is 10 minutes away, so
        // only the callback can end the wait within the test's 10 seconds.
        AtomicReference<RunflowClient> client = new AtomicReference<>();
        AtomicInteger verified = new AtomicInteger();
        try (FakeRunflowServer server = FakeRunflowServer.builder()
                        .outputImageSize(64, 48)
                        .phases(Duration.ofMillis(200), Duration.ofMillis(50), Duration.ofMillis(50))
                        .build();
                CallbackReceiver receiver = new CallbackReceiver(
                        (body, signature) -> accept(client.get(), server, body, signature, verified));
                RunflowClient runflow = RunflowClient.builder()
                        .apiKey(server.apiKey())
                        .baseUrl(server.baseUrl())
                        .pollPolicy(PollPolicy.builder()
                                .initialInterval(Duration.ofMinutes(10))
                                .maxInterval(Duration.ofMinutes(10))
                                .timeout(Duration.ofMinutes(30))
                                .build())
                        .build()) {
            client.set(runflow);

            CompletableFuture<Run> waiting = runflow.runs()
                    .runAsync(FluxProUltra.input("a fox at dawn")
                            .seed(7)
                            .toRequest()
                            .withCallbackUrl(receiver.url()));
            Run run = waiting.get(10, TimeUnit.SECONDS);

            assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
            assertThat(receiver.received)
                    .singleElement()
                    .satisfies(callback -> assertThat(callback.signature()).isNotNull());
            assertThat(verified).as("callbacks that passed the signature check").hasValue(1);
            assertThat(server.requests())
                    .as("no poll: the callback ended the wait")
                    .noneMatch(r -> r.method().equals("GET") && r.path().startsWith("/v1/runs/"));
            OutputFile file = run.output().outputs().get(0);
            assertIsJpeg(runflow.download(file, dir.resolve("fox.jpg")), 64, 48);
        }
    }

    @Test
    void transportCanBeGivenExplicitly() {
        try (FakeRunflowServer server =
                        FakeRunflowServer.builder().deterministic().build();
                RunflowClient runflow = server.clientBuilder()
                        .transport(RunflowFeign.transport())
                        .build()) {
            assertThat(runflow.models().get(FakeModel.FLUX_PRO_ULTRA).name()).isEqualTo("FLUX 1.1 [pro] Ultra");
        }
    }

    /** The receiver's work: core's verifier checks the signature over the raw bytes, the client takes the rest. */
    private static int accept(
            RunflowClient runflow, FakeRunflowServer server, byte[] body, String signature, AtomicInteger verified) {
        WebhookVerifier verifier =
                WebhookVerifier.builder().secret(server.webhookSecret()).build();
        try {
            RunCallback callback = (RunCallback) verifier.verify(body, signature);
            verified.incrementAndGet();
            runflow.callbacks().accept(callback.toRun());
            return 200;
        } catch (WebhookVerificationException e) {
            return 401;
        }
    }

    private static void assertIsJpeg(Path path, int width, int height) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(path.toFile())) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            assertThat(readers.hasNext()).as("an image reader for %s", path).isTrue();
            ImageReader reader = readers.next();
            assertThat(reader.getFormatName()).isEqualToIgnoringCase("JPEG");
            reader.setInput(in);
            BufferedImage image = reader.read(0);
            assertThat(image.getWidth()).isEqualTo(width);
            assertThat(image.getHeight()).isEqualTo(height);
            reader.dispose();
        }
    }
}
