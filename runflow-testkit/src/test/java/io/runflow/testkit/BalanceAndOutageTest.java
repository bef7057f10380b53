package io.runflow.testkit;

import static io.runflow.testkit.Http.FLUX_RUNS;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runflow.testkit.junit.RunflowExtension;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The starting balance, its top-up, and callbacks blocked for an outage: in Java, over the control API, on the command line. */
class BalanceAndOutageTest {

    @RegisterExtension
    static final RunflowExtension runflow = RunflowExtension.builder()
            .server(FakeRunflowServer.builder().deterministic().controlApi(true))
            .build();

    FakeRunflowServer server;
    Http http;
    Http control;

    @BeforeEach
    void connect() {
        server = runflow.server();
        http = new Http(server);
        control = http.withKey(null);
    }

    private String balance() {
        return http.get("/v1/billing/balance").json().get("balance").asText();
    }

    @Test
    void theControlApiSetsTheBalance() {
        Http.Answer answer = control.post("/__fake/v1/balance", "{\"balance\":\"250.50\"}");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("applied").asText()).isEqualTo("setBalance(250.50)");
        assertThat(answer.json().get("balance").asText()).isEqualTo("250.50");
        assertThat(balance()).isEqualTo("250.50");
    }

    @Test
    void theControlApiTakesANumberAndRejectsANegativeOrMissingBalance() {
        assertThat(control.post("/__fake/v1/balance", "{\"balance\":7}").status())
                .isEqualTo(200);
        assertThat(balance()).isEqualTo("7");
        assertThat(control.post("/__fake/v1/balance", "{\"balance\":-1}").text())
                .isEqualTo(ControlApiTest.error("balance", "must not be negative"));
        assertThat(control.post("/__fake/v1/balance", "{}").text())
                .isEqualTo(ControlApiTest.error("balance", "is required"));
    }

    @Test
    void aStartingBalanceHoldsAtStartAndAfterReset() {
        try (FakeRunflowServer rich = FakeRunflowServer.builder()
                .startingBalance(new BigDecimal("10000"))
                .build()) {
            Http api = new Http(rich);
            assertThat(api.get("/v1/billing/balance").json().get("balance").asText())
                    .isEqualTo("10000");
            rich.setBalance(BigDecimal.ONE);
            rich.reset();
            assertThat(api.get("/v1/billing/balance").json().get("balance").asText())
                    .isEqualTo("10000");
        }
    }

    @Test
    void aNegativeStartingBalanceIsRefused() {
        assertThatThrownBy(() -> FakeRunflowServer.builder().startingBalance(new BigDecimal("-1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("startingBalance must not be negative: -1");
    }

    @Test
    void blockedCallbacksFailAsRefusedUntilTheBlockEndsThenTheRetryGetsThrough() {
        try (Receiver receiver = new Receiver()) {
            Http.Answer blocked = control.post("/__fake/v1/callbacks/block", "{\"duration\":\"PT2S\"}");
            String id = http.post(
                            FLUX_RUNS, "{\"input\":{\"prompt\":\"down\"},\"callback_url\":\"" + receiver.url() + "\"}")
                    .json()
                    .get("id")
                    .asText();

            // The run ends within a second; its attempts come at +0 s, +1 s and +3 s.
            server.advance(Duration.ofMinutes(1));
            List<RecordedCallbackAttempt> after = server.deliveries(id).get(0).attempts();
            List<RecordedCallbackAttempt> duringOutage = after.subList(0, 2);

            assertThat(blocked.status()).isEqualTo(200);
            assertThat(blocked.json().get("applied").asText()).isEqualTo("blockCallbacks(PT2S)");
            assertThat(blocked.json().get("blocked_until").asText()).isEqualTo("2026-05-06T10:00:02Z");
            assertThat(duringOutage).hasSize(2).noneMatch(RecordedCallbackAttempt::succeeded);
            assertThat(duringOutage.get(0).error()).startsWith("connection refused: the receiving end is blocked");
            assertThat(after).hasSize(3);
            assertThat(after.get(2).succeeded()).isTrue();
            assertThat(receiver.received()).hasSize(1);
        }
    }

    @Test
    void aZeroDurationOrAResetLiftsTheBlock() {
        try (Receiver receiver = new Receiver()) {
            server.blockCallbacks(Duration.ofHours(1));
            server.reset();
            String body = "{\"input\":{\"prompt\":\"up\"},\"callback_url\":\"" + receiver.url() + "\"}";
            http.post(FLUX_RUNS, body);
            server.advance(Duration.ofMinutes(1));
            server.blockCallbacks(Duration.ofHours(1));
            control.post("/__fake/v1/callbacks/block", "{\"duration\":0}");
            http.post(FLUX_RUNS, body);
            server.advance(Duration.ofMinutes(1));

            assertThat(receiver.received()).hasSize(2);
        }
    }

    @Test
    void helpPrintsTheUsageAndExitsZero() throws Exception {
        Process process = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        Standalone.class.getName(),
                        "--help")
                .start();
        boolean exited = process.waitFor(20, TimeUnit.SECONDS);
        if (!exited) {
            process.destroyForcibly();
        }
        String out = new String(process.getInputStream().readAllBytes(), UTF_8);

        assertThat(exited).isTrue();
        assertThat(process.exitValue()).isZero();
        assertThat(out).startsWith(Standalone.USAGE).contains("--balance <dollars>", "/callbacks/block");
    }

    @Test
    void balanceOnTheCommandLineSetsTheStartingCredit() {
        try (FakeRunflowServer started =
                Standalone.parse(new String[] {"--balance", "12345.67"}).build()) {
            assertThat(new Http(started)
                            .get("/v1/billing/balance")
                            .json()
                            .get("balance")
                            .asText())
                    .isEqualTo("12345.67");
        }
    }

    @Test
    void aBalanceThatIsNotANumberIsNamed() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        assertThat(Standalone.start(new String[] {"--balance", "lots"}, new PrintStream(err, true, UTF_8)))
                .isNull();
        assertThat(err.toString(UTF_8)).startsWith("--balance needs an amount in dollars, got lots");
    }
}
