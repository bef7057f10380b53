package io.runflow.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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
    void badOptionsAreNamed() {
        assertThatThrownBy(() -> Standalone.parse(new String[] {"--port"})).hasMessage("--port needs a value");
        assertThatThrownBy(() -> Standalone.parse(new String[] {"--port", "x"}))
                .hasMessage("--port needs a number, got x");
        assertThatThrownBy(() -> Standalone.parse(new String[] {"--image-size", "16"}))
                .hasMessage("--image-size needs <width>x<height>, got 16");
        assertThatThrownBy(() -> Standalone.parse(new String[] {"--verbose"})).hasMessage("unknown option --verbose");
    }
}
