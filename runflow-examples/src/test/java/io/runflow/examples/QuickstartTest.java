package io.runflow.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.runflow.catalog.FluxProUltra;
import io.runflow.testkit.FakeRunflowServer;
import io.runflow.testkit.Fault;
import io.runflow.testkit.Outcome;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the quickstart the way {@code ./quickstart} does (same code path as {@code main}, minus
 * {@code System.exit}), on the embedded fake, and in "real API" mode pointed at a fake server.
 */
class QuickstartTest {

    private static final Pattern RUN_ID = Pattern.compile("run id: +(\\S+)");

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Map<String, String> env = new HashMap<>();
    private final List<Duration> slept = new ArrayList<>();
    private FakeRunflowServer api;

    @TempDir
    Path output;

    @AfterEach
    void stop() {
        if (api != null) {
            api.close();
        }
    }

    @Test
    void onTheEmbeddedFakeItWritesAJpegOfTheDeclaredSizeAndTheCallbackVerifies() throws IOException {
        int exit = run("a red fox in the snow", "--seed", "42");

        assertThat(exit).as(err()).isEqualTo(Quickstart.OK);
        assertThat(err()).isEmpty();
        assertThat(out())
                .contains("Runflow: embedded fake server at http://127.0.0.1:")
                .contains("prompt: a red fox in the snow")
                .contains("status: queued", "status: running", "status: succeeded")
                .contains("status:    succeeded")
                .contains("seed:      42")
                .contains("size:      2752x1536 image/jpeg")
                .contains("callback:  signature verified");
        Path file = output.resolve(runId() + ".jpg");
        assertThat(out()).contains("file:      " + file + "\nimage:     placeholder image (no RUNFLOW_API_KEY)\n");
        BufferedImage image = ImageIO.read(file.toFile());
        assertThat(image).isNotNull();
        assertThat(image.getWidth()).isEqualTo(2752);
        assertThat(image.getHeight()).isEqualTo(1536);
    }

    @Test
    void aBlankPromptIsAOneLineUsageError() {
        assertThat(run("  ")).isEqualTo(Quickstart.USAGE);
        assertThat(err()).isEqualTo("error: prompt must not be blank\n");
        assertThat(out()).isEmpty();
    }

    @Test
    void aNegativeSeedIsAOneLineUsageError() {
        assertThat(run("a fox", "--seed", "-1")).isEqualTo(Quickstart.USAGE);
        assertThat(err()).isEqualTo("error: seed must not be negative, got -1\n");
    }

    @Test
    void aSeedThatIsNotANumberIsAOneLineUsageError() {
        assertThat(run("a fox", "--seed=abc")).isEqualTo(Quickstart.USAGE);
        assertThat(err()).isEqualTo("error: --seed needs a whole number, got 'abc'\n");
    }

    @Test
    void anUnknownOptionIsAOneLineUsageError() {
        assertThat(run("--size", "big")).isEqualTo(Quickstart.USAGE);
        assertThat(err()).isEqualTo("error: unknown option --size; usage: quickstart [prompt words...] [--seed N]\n");
    }

    @Test
    void aCallbackPortThatIsNotAPortIsAOneLineUsageError() {
        startApi();
        env.put("RUNFLOW_CALLBACK_PORT", "abc");

        assertThat(run("a fox")).isEqualTo(Quickstart.USAGE);
        assertThat(err()).isEqualTo("error: RUNFLOW_CALLBACK_PORT must be a port number from 1 to 65535, got 'abc'\n");
        assertThat(api.runs()).isEmpty();
    }

    @Test
    void anUnreachableServiceIsAOneLineErrorNamingIt() throws IOException {
        int closed = freePort();
        env.put("RUNFLOW_API_KEY", "rf_live_key");
        env.put("RUNFLOW_BASE_URL", "http://127.0.0.1:" + closed);

        assertThat(run("a fox")).isEqualTo(Quickstart.FAILED);
        assertThat(err())
                .isEqualTo("error: cannot reach Runflow at http://127.0.0.1:" + closed
                        + " (POST /v1/models/black-forest-labs/flux-1-1-pro-ultra/runs: connection refused)\n");
        assertThat(slept).hasSize(4); // the create was retried by the default policy, without sleeping
    }

    @Test
    void aRejectedKeyIsAOneLineErrorThatDoesNotShowTheKey() {
        startApi();
        env.put("RUNFLOW_API_KEY", "rf_live_wrong_key");

        assertThat(run("a fox")).isEqualTo(Quickstart.FAILED);
        assertThat(err())
                .matches("error: the API key was rejected \\(401 UNAUTHORIZED: missing or invalid API key"
                        + "( \\(request-id: [^)]+\\))?\\); check RUNFLOW_API_KEY\n")
                .doesNotContain("rf_live_wrong_key");
        assertThat(out()).doesNotContain("rf_live_wrong_key");
    }

    @Test
    void noCreditIsAOneLineError() {
        startApi();
        api.inject(Fault.status(402)
                .body("{\"code\":\"INSUFFICIENT_CREDIT\",\"message\":\"Balance too low\",\"errors\":null}")
                .onPath("/v1/models/"));

        assertThat(run("a fox")).isEqualTo(Quickstart.FAILED);
        assertThat(err())
                .matches("error: not enough credit for this run \\(402 INSUFFICIENT_CREDIT: Balance too low"
                        + "( \\(request-id: [^)]+\\))?\\); top up your Runflow balance\n");
    }

    @Test
    void aFailedRunGivesItsFailureCodeAndMessageOnOneLine() {
        startApi();
        api.onModel(
                FluxProUltra.MODEL,
                Outcome.fail("CONTENT_POLICY", "inference", "prompt rejected by the safety filter"));

        assertThat(run("a fox")).isEqualTo(Quickstart.FAILED);
        assertThat(err())
                .matches("error: run \\S+ failed: CONTENT_POLICY at inference: prompt rejected by the safety filter\n");
    }

    @Test
    void withAnApiKeyAndNoCallbackSettingsItPolls() {
        startApi();

        assertThat(run("a fox")).as(err()).isEqualTo(Quickstart.OK);
        assertThat(out())
                .contains("Runflow: " + api.baseUrl())
                .contains(
                        "callback: none (set RUNFLOW_CALLBACK_URL and RUNFLOW_WEBHOOK_SECRET to receive one); polling")
                .contains("callback:  none requested")
                .contains("size:      64x48 image/jpeg");
        assertThat(api.runs()).hasSize(1);
        assertThat(api.runs().get(0).callbackUrl()).isNull();
    }

    @Test
    void withCallbackSettingsItListensVerifiesAndFinishesOnTheCallback() throws IOException {
        startApi();
        int port = freePort();
        env.put("RUNFLOW_CALLBACK_URL", "http://127.0.0.1:" + port + "/hooks/runflow");
        env.put("RUNFLOW_CALLBACK_PORT", String.valueOf(port));
        env.put("RUNFLOW_WEBHOOK_SECRET", api.webhookSecret());

        assertThat(run("a fox")).as(err()).isEqualTo(Quickstart.OK);
        assertThat(out()).contains("callback:  signature verified");
        assertThat(api.deliveries()).hasSize(1);
    }

    private void startApi() {
        api = FakeRunflowServer.builder()
                .apiKey("rf_live_right_key")
                .outputImageSize(64, 48)
                .build();
        env.put("RUNFLOW_API_KEY", "rf_live_right_key");
        env.put("RUNFLOW_BASE_URL", api.baseUrl());
    }

    private int run(String... args) {
        Quickstart quickstart = new Quickstart(
                env,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                output,
                false,
                slept::add); // retries record their delays instead of sleeping
        return quickstart.run(args);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private String runId() {
        Matcher matcher = RUN_ID.matcher(out());
        assertThat(matcher.find()).as(out()).isTrue();
        return matcher.group(1);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
