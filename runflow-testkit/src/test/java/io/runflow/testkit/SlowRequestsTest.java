package io.runflow.testkit;

import static io.runflow.testkit.Http.FLUX_RUNS;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Quick requests are served on the JDK server's one dispatcher thread; whatever may wait is handed
 * to a thread of its own, so it never holds up the other connections.
 */
class SlowRequestsTest {

    final FakeRunflowServer server = FakeRunflowServer.builder().build();
    final Http http = new Http(server);

    @AfterEach
    void stop() {
        server.close();
    }

    /** Opens a connection and sends a create's head and the start of its body. */
    Socket startCreate(String body, int sent) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port());
        socket.setSoTimeout(10_000);
        OutputStream out = socket.getOutputStream();
        out.write(("POST " + FLUX_RUNS + " HTTP/1.1\r\n"
                        + "Host: 127.0.0.1\r\n"
                        + "Authorization: Bearer " + server.apiKey() + "\r\n"
                        + "Content-Type: application/json\r\n"
                        + "Content-Length: " + body.length() + "\r\n"
                        + "Connection: close\r\n\r\n"
                        + body.substring(0, sent))
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }

    @Test
    void aBodyStillArrivingDoesNotHoldUpOtherConnections() throws IOException {
        String body = "{\"input\":{\"prompt\":\"a fox\"}}";
        try (Socket socket = startCreate(body, 10)) {
            // Were the server reading that body on its dispatcher thread, this would wait for it.
            assertThat(http.get("/v1/health").status()).isEqualTo(200);

            OutputStream out = socket.getOutputStream();
            out.write(body.substring(10).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).startsWith("HTTP/1.1 201 ");
        }
        assertThat(server.runs()).hasSize(1);
        assertThat(server.requests()).extracting(RecordedRequest::path).containsExactly("/v1/health", FLUX_RUNS);
    }

    @Test
    void aDelayedAnswerDoesNotHoldUpOtherRequests() throws IOException {
        server.inject(Fault.delay(Duration.ofHours(1)).onPath("/v1/models/"));
        String body = "{\"input\":{\"prompt\":\"a fox\"}}";
        try (Socket delayed = startCreate(body, body.length())) {
            assertThat(server.takeRequest(Duration.ofSeconds(10)).path()).isEqualTo(FLUX_RUNS);

            assertThat(http.get("/v1/health").status()).isEqualTo(200);
            assertThat(http.get("/v1/runs").status()).isEqualTo(200);
            assertThat(delayed.getInputStream().available()).isZero();
            assertThat(server.runs()).isEmpty();
        }
    }
}
