package io.runflow.testkit.assertj;

import static io.runflow.testkit.assertj.RunflowAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.runflow.internal.json.RunflowJson;
import io.runflow.model.Run;
import io.runflow.model.RunStatus;
import io.runflow.testkit.FakeRunflowServer;
import io.runflow.testkit.Outcome;
import io.runflow.testkit.RecordedCallback;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RunflowAssertionsTest {

    static final FakeRunflowServer server =
            FakeRunflowServer.builder().deterministic().outputImageSize(8, 8).build();
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void reset() {
        server.reset();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static String create(String body, String key) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(
                        URI.create(server.baseUrl() + "/v1/models/black-forest-labs/flux-1-1-pro-ultra/runs"))
                .header("Authorization", "Bearer " + server.apiKey())
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            b.header("Idempotency-Key", key);
        }
        String json = http.send(b.build(), HttpResponse.BodyHandlers.ofString()).body();
        return ((ObjectNode) RunflowJson.mapper().readTree(json)).get("id").asText();
    }

    static Run read(String id) throws Exception {
        HttpRequest get = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/v1/runs/" + id))
                .header("Authorization", "Bearer " + server.apiKey())
                .build();
        return RunflowJson.mapper()
                .readValue(
                        http.send(get, HttpResponse.BodyHandlers.ofByteArray()).body(), Run.class);
    }

    @Test
    void serverAssertionsPassOnWhatWasReceived() throws Exception {
        create("{\"input\":{\"prompt\":\"a fox\",\"seed\":42}}", "k-1");

        assertThat(server)
                .hasReceivedRuns(1)
                .hasReceivedRunFor("black-forest-labs/flux-1-1-pro-ultra")
                .hasReceivedRunWithInput("prompt", "a fox")
                .hasReceivedRunWithInput("seed", 42)
                .hasReceivedRunWithIdempotencyKey("k-1")
                .hasIdempotencyKeysOnEveryRun();
    }

    @Test
    void runCountFailureListsTheRuns() throws Exception {
        String id = create("{\"input\":{\"prompt\":\"a fox\"}}", null);

        assertThatThrownBy(() -> assertThat(server).hasReceivedRuns(2))
                .isInstanceOf(AssertionError.class)
                .hasMessage(String.format(
                        "%nExpecting the fake Runflow server to have received 2 run(s) but it received 1:%n"
                                + "  [%s black-forest-labs/flux-1-1-pro-ultra (queued)]",
                        id));
    }

    @Test
    void modelFailureListsTheModelsReceived() throws Exception {
        create("{\"input\":{\"prompt\":\"a fox\"}}", null);

        assertThatThrownBy(() -> assertThat(server).hasReceivedRunFor("acme/other"))
                .hasMessage(
                        String.format("%nExpecting the fake Runflow server to have received a run of%n  acme/other%n"
                                + "but it received runs of%n  [black-forest-labs/flux-1-1-pro-ultra]"));
    }

    @Test
    void inputFailureShowsTheValuesFound() throws Exception {
        create("{\"input\":{\"prompt\":\"a fox\"}}", null);

        assertThatThrownBy(() -> assertThat(server).hasReceivedRunWithInput("prompt", "a cat"))
                .hasMessage(
                        String.format("%nExpecting the fake Runflow server to have received a run with input.prompt%n"
                                + "  \"a cat\"%nbut the runs had%n  [\"a fox\"]"));
        assertThatThrownBy(() -> assertThat(server).hasReceivedRunWithInput("seed", 1))
                .hasMessage(String.format("%nExpecting the fake Runflow server to have received a run with input.seed%n"
                        + "  1%nbut the runs had%n  [<absent>]"));
    }

    @Test
    void idempotencyFailuresShowTheKeys() throws Exception {
        String id = create("{\"input\":{\"prompt\":\"a fox\"}}", null);

        assertThatThrownBy(() -> assertThat(server).hasReceivedRunWithIdempotencyKey("k-2"))
                .hasMessage(String.format("%nExpecting the fake Runflow server to have received a run with "
                        + "Idempotency-Key%n  k-2%nbut the runs had%n  [null]"));
        assertThatThrownBy(() -> assertThat(server).hasIdempotencyKeysOnEveryRun())
                .hasMessage(String.format(
                        "%nExpecting every run to carry an Idempotency-Key but these runs had none:%n" + "  [%s]", id));
    }

    @Test
    void runAssertionsPassOnASucceededRun() throws Exception {
        String id = create("{\"input\":{\"prompt\":\"a fox\"}}", null);
        server.advance(Duration.ofSeconds(1));

        assertThat(read(id))
                .isSucceeded()
                .hasStatus(RunStatus.SUCCEEDED)
                .hasOutputCount(1)
                .hasImageOutput(8, 8);
    }

    @Test
    void statusFailureShowsTheRunFailure() throws Exception {
        server.onNextRun(Outcome.fail("PROVIDER_ERROR", "inference", "GPU on fire"));
        String id = create("{\"input\":{\"prompt\":\"a fox\"}}", null);
        server.advance(Duration.ofSeconds(1));
        Run run = read(id);

        assertThatThrownBy(() -> assertThat(run).isSucceeded())
                .hasMessage(String.format(
                        "%nExpecting run %s to have status%n  SUCCEEDED%nbut it had%n"
                                + "  FAILED (failure PROVIDER_ERROR at inference: GPU on fire)",
                        id));
    }

    @Test
    void outputFailuresShowTheOutputs() throws Exception {
        String id = create("{\"input\":{\"prompt\":\"a fox\"}}", null);
        server.advance(Duration.ofSeconds(1));
        Run run = read(id);

        assertThatThrownBy(() -> assertThat(run).hasOutputCount(2))
                .hasMessage(String.format("%nExpecting run %s to have 2 output(s) but it had 1", id));
        assertThatThrownBy(() -> assertThat(run).hasImageOutput(16, 16))
                .hasMessage(String.format(
                        "%nExpecting run %s to have an image output of 16x16 but its outputs were%n  [image 8x8]", id));
    }

    @Test
    void statusFailureOfARunWithoutFailureShowsJustTheStatus() throws Exception {
        String id = create("{\"input\":{\"prompt\":\"a fox\"}}", null);
        Run run = read(id);

        assertThatThrownBy(() -> assertThat(run).hasStatus(RunStatus.SUCCEEDED))
                .hasMessage(String.format("%nExpecting run %s to have status%n  SUCCEEDED%nbut it had%n  QUEUED", id));
    }

    @Test
    void queuedRunHasNoOutputs() throws Exception {
        String id = create("{\"input\":{\"prompt\":\"a fox\"}}", null);

        assertThat(read(id)).hasStatus(RunStatus.QUEUED).hasOutputCount(0);
    }

    @Test
    void deliveryAssertionsPassOnASignedDelivery() throws Exception {
        try (io.runflow.testkit.junit.TestReceiver receiver = new io.runflow.testkit.junit.TestReceiver()) {
            create("{\"input\":{\"prompt\":\"a fox\"},\"callback_url\":\"" + receiver.url() + "\"}", null);
            server.advance(Duration.ofSeconds(1));

            assertThat(server.deliveries().get(0))
                    .isDelivered()
                    .hasAttempts(1)
                    .hasValidSignatureFor(server.webhookSecret());
        }
    }

    @Test
    void deliveryFailuresShowAttemptsAndNeverTheSecret() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        create("{\"input\":{\"prompt\":\"a fox\"},\"callback_url\":\"http://127.0.0.1:" + closedPort + "/x\"}", null);
        server.advance(Duration.ofSeconds(1));
        RecordedCallback delivery = server.deliveries().get(0);

        assertThatThrownBy(() -> assertThat(delivery).isDelivered())
                .hasMessage(String.format(
                        "%nExpecting callback delivery %s to have been delivered but its status was "
                                + "pending after 1 attempt(s):%n  [#1 %s]",
                        delivery.id(), delivery.attempts().get(0).error()));
        assertThatThrownBy(() -> assertThat(delivery).hasAttempts(3))
                .hasMessage(String.format(
                        "%nExpecting callback delivery %s to have 3 attempt(s) but it had 1", delivery.id()));
        assertThatThrownBy(() -> assertThat(delivery).hasValidSignatureFor("whsec_other"))
                .hasMessage(String.format(
                        "%nExpecting callback delivery %s to carry a signature valid for the given "
                                + "secret but it did not (signed by secret %s)",
                        delivery.id(), delivery.signingSecretId()))
                .message()
                .doesNotContain("whsec_");
    }

    @Test
    void unsignedDeliveryFailsTheSignatureCheck() throws IOException, InterruptedException {
        try (FakeRunflowServer unsigned = FakeRunflowServer.builder()
                        .deterministic()
                        .withoutWebhookSecret()
                        .build();
                io.runflow.testkit.junit.TestReceiver receiver = new io.runflow.testkit.junit.TestReceiver()) {
            HttpRequest create = HttpRequest.newBuilder(
                            URI.create(unsigned.baseUrl() + "/v1/models/black-forest-labs/flux-1-1-pro-ultra/runs"))
                    .header("Authorization", "Bearer " + unsigned.apiKey())
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"input\":{\"prompt\":\"x\"},\"callback_url\":\"" + receiver.url() + "\"}"))
                    .build();
            http.send(create, HttpResponse.BodyHandlers.discarding());
            unsigned.advance(Duration.ofSeconds(1));
            RecordedCallback delivery = unsigned.deliveries().get(0);

            assertThatThrownBy(() -> assertThat(delivery).hasValidSignatureFor("whsec_x"))
                    .hasMessage(String.format(
                            "%nExpecting callback delivery %s to be signed but it carried no Runflow-Signature",
                            delivery.id()));
        }
    }

    @Test
    void nullActualsFailLikeAssertJ() {
        assertThatThrownBy(() -> assertThat((Run) null).isSucceeded())
                .hasMessage(String.format("%nExpecting actual not to be null"));
    }
}
