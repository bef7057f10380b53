package io.runflow.testkit;

import static io.runflow.testkit.Http.FLUX_RUNS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.runflow.testkit.junit.RunflowExtension;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class LifecycleTest {

    /** One deterministic server for the class, reset before each test, by the testkit's own extension. */
    @RegisterExtension
    static final RunflowExtension runflow = RunflowExtension.builder()
            .server(FakeRunflowServer.builder().deterministic().outputImageSize(64, 36))
            .build();

    FakeRunflowServer server;
    Http http;

    @BeforeEach
    void connect() {
        server = runflow.server();
        http = new Http(server);
    }

    String status(String id) {
        return http.get("/v1/runs/" + id).json().get("status_code").asText();
    }

    @Test
    void runMovesThroughEveryPhaseOnTheVirtualClock() {
        String id = http.createFlux("");
        List<String> seen = new ArrayList<>();
        seen.add(status(id));
        for (int i = 0; i < 3; i++) {
            server.advance(Duration.ofMillis(10));
            seen.add(status(id));
        }
        server.advance(Duration.ofMillis(20));
        seen.add(status(id));

        assertThat(seen).containsExactly("queued", "dispatching", "running", "running", "succeeded");
    }

    @Test
    void nothingMovesInDeterministicModeUntilTheClockIsAdvanced() {
        String id = http.createFlux("");

        assertThat(status(id)).isEqualTo("queued");
        assertThat(status(id)).isEqualTo("queued");
    }

    @Test
    void succeededFluxRunCarriesTheSeedPageOutput() {
        String id = http.createFlux(",\"callback_url\":null");
        server.advance(Duration.ofSeconds(1));

        JsonNode run = http.get("/v1/runs/" + id).json();

        assertThat(run.get("status_code").asText()).isEqualTo("succeeded");
        assertThat(run.get("cost").asText()).isEqualTo("0.06");
        assertThat(run.get("started_at").asText()).isEqualTo("2026-05-06T10:00:00.020000Z");
        assertThat(run.get("completed_at").asText()).isEqualTo("2026-05-06T10:00:00.050000Z");
        assertThat(run.get("duration_ms").asLong()).isEqualTo(50);
        JsonNode output = run.get("output");
        assertThat(output.get("outputs").toString())
                .isEqualTo("[{\"url\":\"" + server.baseUrl() + "/files/" + id + "/0.jpg\",\"type\":\"image\","
                        + "\"width\":64,\"height\":36,\"content_type\":\"image/jpeg\"}]");
        assertThat(output.get("seed").asLong()).isEqualTo(server.runs().get(0).seed());
        assertThat(output.get("timing").toString()).isEqualTo("{\"inference_ms\":30}");
        assertThat(output.get("nsfw_detected").asBoolean()).isFalse();
    }

    @Test
    void theGivenSeedIsUsed() {
        String id = http.createFlux("");
        http.post(FLUX_RUNS, "{\"input\":{\"prompt\":\"x\",\"seed\":42}}");
        server.advance(Duration.ofSeconds(1));

        assertThat(server.runs().get(1).seed()).isEqualTo(42);
        assertThat(server.run(id).orElseThrow().seed()).isNotEqualTo(42);
    }

    @Test
    void outputUrlServesARealJpegOfTheDeclaredSizeTheSameForTheSameSeed() throws IOException {
        http.post(FLUX_RUNS, "{\"input\":{\"prompt\":\"x\",\"seed\":7}}");
        // The image shows the prompt since it became a captioned placeholder: same prompt, same seed.
        http.post(FLUX_RUNS, "{\"input\":{\"prompt\":\"x\",\"seed\":7}}");
        http.post(FLUX_RUNS, "{\"input\":{\"prompt\":\"x\",\"seed\":8}}");
        server.advance(Duration.ofSeconds(1));
        List<byte[]> files = new ArrayList<>();
        for (FakeRun run : server.runs()) {
            String url = http.get("/v1/runs/" + run.id())
                    .json()
                    .at("/output/outputs/0/url")
                    .asText();
            Http.Answer file =
                    http.withKey(null).get(url.substring(server.baseUrl().length()));
            assertThat(file.status()).isEqualTo(200);
            assertThat(file.header("Content-Type")).isEqualTo("image/jpeg");
            files.add(file.bytes());
        }

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(files.get(0)));
        assertThat(image.getWidth()).isEqualTo(64);
        assertThat(image.getHeight()).isEqualTo(36);
        assertThat(files.get(1)).isEqualTo(files.get(0));
        assertThat(files.get(2)).isNotEqualTo(files.get(0));
    }

    @Test
    void fileOfAnUnfinishedRunIsNotFound() {
        String id = http.createFlux("");

        assertThat(http.get("/files/" + id + "/0.jpg").status()).isEqualTo(404);
    }

    @Test
    void scriptedModelFailureFillsTheFailureFields() {
        server.onModel(FakeModel.FLUX_PRO_ULTRA, Outcome.fail("INPUT_VALIDATION_FAILED", "preprocess", "too big"));
        String id = http.createFlux("");
        server.advance(Duration.ofSeconds(1));

        JsonNode run = http.get("/v1/runs/" + id).json();

        assertThat(run.get("status_code").asText()).isEqualTo("failed");
        assertThat(run.get("failure_code").asText()).isEqualTo("INPUT_VALIDATION_FAILED");
        assertThat(run.get("failure_stage_code").asText()).isEqualTo("preprocess");
        assertThat(run.get("failure_message").asText()).isEqualTo("too big");
        assertThat(run.get("output").isNull()).isTrue();
        assertThat(run.get("cost").isNull()).isTrue();
    }

    @Test
    void nextRunOutcomesApplyInOrderBeforeTheModelOutcome() {
        server.onModel(FakeModel.FLUX_PRO_ULTRA, Outcome.fail());
        server.onNextRun(Outcome.cancel());
        server.onNextRun(Outcome.succeed());
        String first = http.createFlux("");
        String second = http.createFlux("");
        String third = http.createFlux("");
        server.advance(Duration.ofSeconds(1));

        assertThat(List.of(status(first), status(second), status(third)))
                .containsExactly("canceled", "succeeded", "failed");
    }

    @Test
    void scriptedRunningTimeModelsASlowModel() {
        server.onModel(FakeModel.FLUX_PRO_ULTRA, Outcome.succeed().after(Duration.ofMinutes(3)));
        String id = http.createFlux("");
        server.advance(Duration.ofMinutes(3));
        assertThat(status(id)).isEqualTo("running");

        server.advance(Duration.ofMillis(20));

        assertThat(status(id)).isEqualTo("succeeded");
        assertThat(http.get("/v1/runs/" + id)
                        .json()
                        .at("/output/timing/inference_ms")
                        .asLong())
                .isEqualTo(180_000);
    }

    @Test
    void outcomesAreValidatedAndDescribed() {
        assertThatThrownBy(() -> Outcome.hold().after(Duration.ofSeconds(1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("a held run ends when released, not after a time");
        assertThat(Outcome.fail("E", "dispatch", "no GPU").after(Duration.ofSeconds(2)))
                .hasToString("Outcome[FAIL E at dispatch: no GPU after PT2S]");
        assertThat(Outcome.cancel()).hasToString("Outcome[CANCEL]");
    }

    @Test
    void heldRunStaysRunningUntilReleased() {
        server.onNextRun(Outcome.hold());
        String id = http.createFlux("");
        server.advance(Duration.ofHours(1));
        assertThat(status(id)).isEqualTo("running");

        assertThat(server.release(id, Outcome.fail("PROVIDER_ERROR", "inference", "late")))
                .isTrue();

        assertThat(status(id)).isEqualTo("failed");
        assertThat(server.release(id)).isFalse();
    }

    @Test
    void releasingAnUnknownRunIsRejected() {
        assertThatThrownBy(() -> server.release("nope"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no run with id nope");
    }

    @Test
    void aRunNeedingTwentyPollsFinishesWithoutWaiting() {
        try (FakeRunflowServer slow = FakeRunflowServer.builder()
                .deterministic()
                .phases(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(18))
                .build()) {
            Http client = new Http(slow);
            client.get("/v1/runs/" + client.createFlux("")); // warms the JVM; not part of the measure
            String id = client.createFlux("");
            long started = System.nanoTime();
            int polls = 0;
            String status = "queued";
            while (!status.equals("succeeded")) {
                slow.advance(Duration.ofSeconds(1));
                status = client.get("/v1/runs/" + id).json().get("status_code").asText();
                polls++;
            }

            assertThat(polls).isEqualTo(20);
            // 20 s of server time; well under that in real time, however loaded the machine.
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        }
    }

    @Test
    void realTimeModeFinishesARunWithinASecond() {
        try (FakeRunflowServer live = FakeRunflowServer.builder().build()) {
            Http client = new Http(live);
            String id = client.createFlux("");
            String status = "queued";
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (!status.equals("succeeded") && System.nanoTime() < deadline) {
                status = client.get("/v1/runs/" + id).json().get("status_code").asText();
            }

            assertThat(status).isEqualTo("succeeded");
        }
    }

    @Test
    void adminCancellationAnswers201OnTransitionAnd200WhenTerminal() {
        String id = http.createFlux("");

        Http.Answer first = http.post("/v1/admin/runs/" + id + "/cancellation", "{\"reason\":\"customer asked\"}");
        Http.Answer second = http.post("/v1/admin/runs/" + id + "/cancellation", "");
        server.advance(Duration.ofSeconds(1));

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.json().get("status_code").asText()).isEqualTo("canceled");
        assertThat(second.status()).isEqualTo(200);
        assertThat(status(id)).isEqualTo("canceled");
    }

    @Test
    void adminCancellationChecksTheReasonAndTheRun() {
        String id = http.createFlux("");

        Http.Answer shortReason = http.post("/v1/admin/runs/" + id + "/cancellation", "{\"reason\":\"no\"}");
        Http.Answer unknown = http.post("/v1/admin/runs/nope/cancellation", "");

        assertThat(shortReason.status()).isEqualTo(422);
        assertThat(shortReason.json().get("errors").toString())
                .isEqualTo("[{\"field\":\"reason\",\"message\":\"must be a string of 3 to 500 characters\"}]");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("code").asText()).isEqualTo("RUN_NOT_FOUND");
    }

    @Test
    void anInjectedClockSetsTheServerTime() {
        Instant fixed = Instant.parse("2030-01-02T03:04:05Z");
        try (FakeRunflowServer pinned = FakeRunflowServer.builder()
                .clock(Clock.fixed(fixed, ZoneOffset.UTC))
                .build()) {
            String id = new Http(pinned).createFlux("");
            pinned.advance(Duration.ofMinutes(1));

            assertThat(pinned.run(id).orElseThrow().createdAt()).isEqualTo(fixed);
            assertThat(pinned.clock().instant()).isEqualTo(fixed.plusSeconds(60));
            assertThat(pinned.run(id).orElseThrow().status()).isEqualTo("succeeded");
        }
    }

    @Test
    void resetForgetsRunsAndRestartsIdsAndTime() {
        String before = http.createFlux("");
        server.advance(Duration.ofMinutes(5));
        server.reset();

        String after = http.createFlux("");

        assertThat(after).isEqualTo(before);
        assertThat(server.runs()).hasSize(1);
        assertThat(server.runs().get(0).createdAt()).isEqualTo(FakeRunflowServer.DETERMINISTIC_START);
    }
}
