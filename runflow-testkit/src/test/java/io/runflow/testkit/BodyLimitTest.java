package io.runflow.testkit;

import static io.runflow.testkit.Http.FLUX_RUNS;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A body over the limit is refused as soon as the limit is known to be passed: these clients send a
 * few bytes and then nothing, so a server that waited for the whole body would never answer.
 */
class BodyLimitTest {

    final FakeRunflowServer server =
            FakeRunflowServer.builder().maxRequestBodySize(16).build();

    @AfterEach
    void stop() {
        server.close();
    }

    /** Sends the head and the start of a body, then reads the answer while the socket stays open. */
    String answerTo(String head, String bodyStart) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            socket.setSoTimeout(2000);
            OutputStream out = socket.getOutputStream();
            out.write((head + "\r\n" + bodyStart).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    String head(String lengthHeader) {
        return "POST " + FLUX_RUNS + " HTTP/1.1\r\n"
                + "Host: 127.0.0.1\r\n"
                + "Authorization: Bearer " + server.apiKey() + "\r\n"
                + "Content-Type: application/json\r\n"
                + lengthHeader + "\r\n";
    }

    @Test
    void aContentLengthOverTheLimitIsRefusedWithoutReadingTheBody() throws IOException {
        String answer = answerTo(head("Content-Length: 100000000"), "{\"input\":");

        assertThat(answer)
                .startsWith("HTTP/1.1 413 ")
                .containsIgnoringCase("connection: close")
                .endsWith("{\"code\":\"PAYLOAD_TOO_LARGE\",\"message\":\"request body is larger than 16 bytes\","
                        + "\"errors\":null}");
        assertThat(server.runs()).isEmpty();
    }

    @Test
    void aChunkedBodyIsRefusedOnceItPassesTheLimit() throws IOException {
        String answer = answerTo(head("Transfer-Encoding: chunked"), "20\r\n" + "x".repeat(32) + "\r\n");

        assertThat(answer).startsWith("HTTP/1.1 413 ").containsIgnoringCase("connection: close");
        assertThat(server.runs()).isEmpty();
    }

    @Test
    void aBodyOfExactlyTheLimitIsRead() throws IOException {
        String body = "{\"input\":\"abc\"}";
        assertThat(body).hasSize(15);
        String answer = answerTo(head("Content-Length: 16\r\nConnection: close"), body + " ");

        assertThat(answer).startsWith("HTTP/1.1 422 ");
    }
}
