package io.runflow.testkit;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class StandaloneTest {

    @Test
    void optionsConfigureTheServer() {
        try (FakeRunflowServer server = Standalone.parse(new String[] {
                    "--api-key", "rf_live_local", "--webhook-secret", "whsec_local", "--image-size", "16x9"
                })
                .build()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Standalone.print(server, new PrintStream(out, true, StandardCharsets.UTF_8));

            assertThat(out.toString(StandardCharsets.UTF_8))
                    .contains("  base URL:       " + server.baseUrl())
                    .contains("  API key:        rf_live_local")
                    .contains("  webhook secret: whsec_local");
            assertThat(new Http(server).get("/v1/health").status()).isEqualTo(200);
        }
    }

    @Test
    void servesTheControlApiByDefaultAndSaysWhere() {
        try (FakeRunflowServer server = Standalone.parse(new String[0]).build()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Standalone.print(server, new PrintStream(out, true, StandardCharsets.UTF_8));

            assertThat(out.toString(StandardCharsets.UTF_8))
                    .contains("  control API:    " + server.baseUrl() + "/__fake/v1 (no key needed)");
            assertThat(new Http(server).withKey(null).get("/__fake/v1/runs").status())
                    .isEqualTo(200);
        }
    }

    @Test
    void noControlApiTurnsItOff() {
        try (FakeRunflowServer server =
                Standalone.parse(new String[] {"--no-control-api"}).build()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Standalone.print(server, new PrintStream(out, true, StandardCharsets.UTF_8));

            assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("control API");
            assertThat(new Http(server).get("/__fake/v1/runs").status()).isEqualTo(404);
        }
    }

    @Test
    void deterministicStartsTheClockAtTheFixedInstantAndHoldsIt() {
        try (FakeRunflowServer server =
                Standalone.parse(new String[] {"--deterministic"}).build()) {
            String id = new Http(server).createFlux("");

            assertThat(server.clock().instant()).isEqualTo(FakeRunflowServer.DETERMINISTIC_START);
            assertThat(server.run(id).orElseThrow().status()).isEqualTo("queued");
        }
    }

    @Test
    void aPortInUseIsOneLineOnStandardError() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            ByteArrayOutputStream err = new ByteArrayOutputStream();

            FakeRunflowServer server =
                    Standalone.start(new String[] {"--port", String.valueOf(port)}, new PrintStream(err, true, UTF_8));

            assertThat(server).isNull();
            assertThat(err.toString(UTF_8)).isEqualTo("error: port " + port + " is in use" + System.lineSeparator());
        }
    }

    @Test
    void aPortInUseExitsWithStatus2AndNoStackTrace() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            Process process = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-cp",
                            System.getProperty("java.class.path"),
                            Standalone.class.getName(),
                            "--port",
                            String.valueOf(port))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            boolean exited = process.waitFor(20, TimeUnit.SECONDS);
            if (!exited) {
                process.destroyForcibly();
            }
            String err = new String(process.getErrorStream().readAllBytes(), UTF_8);

            assertThat(exited).isTrue();
            assertThat(process.exitValue()).isEqualTo(2);
            assertThat(err.strip()).isEqualTo("error: port " + port + " is in use");
        }
    }

    @Test
    void badOptionsAreNamed() {
        assertThatThrownBy(() -> Standalone.parse(new String[] {"--port"})).hasMessage("--port needs a value");
        assertThatThrownBy(() -> Standalone.parse(new String[] {"--port", "x"}))
                .hasMessage("--port needs a number, got x");
        assertThatThrownBy(() -> Standalone.parse(new String[] {"--image-size", "16"}))
                .hasMessage("--image-size needs <width>x<height>, got 16");
        assertThatThrownBy(() -> Standalone.parse(new String[] {"--verbose"})).hasMessage("unknown option --verbose");
    }
}
