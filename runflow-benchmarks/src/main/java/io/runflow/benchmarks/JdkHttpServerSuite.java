package io.runflow.benchmarks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.runflow.PollPolicy;
import io.runflow.RunflowClient;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * P7, suite B: the same twenty tests as {@link RunflowTestSuite}, with the two calls hand-stubbed on
 * a bare JDK {@code HttpServer} (TCP_NODELAY on, as P3's yardstick) that answers every {@code POST
 * /v1/models/...} with a canned queued run and every {@code GET /v1/runs/{id}} with the same run
 * succeeded, and the same {@code RunflowClient} pointed at it, polling after 1 ms instead of the
 * default 1 s (what a user without a controllable clock does). The canned bodies are the fake's own
 * answers, so both suites parse the same bytes. Started once per class, as the extension does.
 */
class JdkHttpServerSuite {

    static final byte[] QUEUED = ("{\"id\":\"00000000-0000-7000-8000-000000000002\",\"flow_id\":null,"
                    + "\"model_id\":\"06ff0153-9043-3d8c-abd7-e0c40f379e8b\",\"comfyui_workflow_id\":null,"
                    + "\"target_type\":\"model\",\"target_version\":null,"
                    + "\"org_id\":\"00000000-0000-4000-8000-00000000000a\",\"status_code\":\"queued\","
                    + "\"source_code\":\"api\",\"input\":{\"prompt\":\"a red sneaker on white\"},\"output\":null,"
                    + "\"context\":{},\"duration_ms\":null,\"cost\":null,\"cost_breakdown\":null,\"nodes_total\":1,"
                    + "\"nodes_completed\":0,\"batch_id\":null,\"client_ref\":null,"
                    + "\"request_id\":\"req_00000000-0000-7000-8000-000000000003\",\"created_by\":null,"
                    + "\"created_at\":\"2026-05-06T10:00:00Z\",\"started_at\":null,\"completed_at\":null,"
                    + "\"callback_url\":null,\"metadata\":null,\"has_logs\":true,\"has_node_runs\":false,"
                    + "\"links\":{},\"failure_code\":null,\"failure_message\":null,\"failure_stage_code\":null}")
            .getBytes(StandardCharsets.UTF_8);

    static final byte[] SUCCEEDED = ("{\"id\":\"00000000-0000-7000-8000-000000000002\",\"flow_id\":null,"
                    + "\"model_id\":\"06ff0153-9043-3d8c-abd7-e0c40f379e8b\",\"comfyui_workflow_id\":null,"
                    + "\"target_type\":\"model\",\"target_version\":null,"
                    + "\"org_id\":\"00000000-0000-4000-8000-00000000000a\",\"status_code\":\"succeeded\","
                    + "\"source_code\":\"api\",\"input\":{\"prompt\":\"a red sneaker on white\"},"
                    + "\"output\":{\"outputs\":[{\"url\":\"http://127.0.0.1:1/files/"
                    + "00000000-0000-7000-8000-000000000002/0.jpg\",\"type\":\"image\",\"width\":2752,"
                    + "\"height\":1536,\"content_type\":\"image/jpeg\"}],\"seed\":506952114,"
                    + "\"timing\":{\"inference_ms\":30},\"nsfw_detected\":false},\"context\":{},"
                    + "\"duration_ms\":50,\"cost\":\"0.06\",\"cost_breakdown\":null,\"nodes_total\":1,"
                    + "\"nodes_completed\":1,\"batch_id\":null,\"client_ref\":null,"
                    + "\"request_id\":\"req_00000000-0000-7000-8000-000000000003\",\"created_by\":null,"
                    + "\"created_at\":\"2026-05-06T10:00:00Z\",\"started_at\":\"2026-05-06T10:00:00.020000Z\","
                    + "\"completed_at\":\"2026-05-06T10:00:00.050000Z\",\"callback_url\":null,\"metadata\":null,"
                    + "\"has_logs\":true,\"has_node_runs\":true,\"links\":{},\"logs\":["
                    + log(1, "queued", "2026-05-06T10:00:00Z") + ","
                    + log(2, "dispatching", "2026-05-06T10:00:00.010000Z") + ","
                    + log(3, "running", "2026-05-06T10:00:00.020000Z") + ","
                    + log(4, "succeeded", "2026-05-06T10:00:00.050000Z") + "]}")
            .getBytes(StandardCharsets.UTF_8);

    private static HttpServer server;
    private static RunflowClient client;

    private static String log(int number, String status, String timestamp) {
        return "{\"id\":\"00000000-0000-7000-8000-000000000002-log-" + number
                + "\",\"run_id\":\"00000000-0000-7000-8000-000000000002\",\"level_code\":\"info\","
                + "\"message\":\"run " + status + "\",\"timestamp\":\"" + timestamp
                + "\",\"meta\":{\"status_code\":\"" + status + "\"}}";
    }

    @BeforeAll
    static void startStub() throws IOException {
        // Without it every keep-alive answer stalls about 40 ms (Nagle and delayed ACK).
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/models/", exchange -> answer(exchange, 201, QUEUED));
        server.createContext("/v1/runs/", exchange -> answer(exchange, 200, SUCCEEDED));
        server.start();
        client = RunflowClient.builder()
                .apiKey("rf_test_stub")
                .baseUrl("http://127.0.0.1:" + server.getAddress().getPort())
                .pollPolicy(PollPolicy.builder()
                        .initialInterval(Duration.ofMillis(1))
                        .build())
                .build();
    }

    private static void answer(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getRequestBody().readAllBytes();
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @AfterAll
    static void stopStub() {
        client.close();
        server.stop(0);
    }

    @Test
    void createsAndAwaitsRun01() {
        CreateAndAwait.once(client, 1);
    }

    @Test
    void createsAndAwaitsRun02() {
        CreateAndAwait.once(client, 2);
    }

    @Test
    void createsAndAwaitsRun03() {
        CreateAndAwait.once(client, 3);
    }

    @Test
    void createsAndAwaitsRun04() {
        CreateAndAwait.once(client, 4);
    }

    @Test
    void createsAndAwaitsRun05() {
        CreateAndAwait.once(client, 5);
    }

    @Test
    void createsAndAwaitsRun06() {
        CreateAndAwait.once(client, 6);
    }

    @Test
    void createsAndAwaitsRun07() {
        CreateAndAwait.once(client, 7);
    }

    @Test
    void createsAndAwaitsRun08() {
        CreateAndAwait.once(client, 8);
    }

    @Test
    void createsAndAwaitsRun09() {
        CreateAndAwait.once(client, 9);
    }

    @Test
    void createsAndAwaitsRun10() {
        CreateAndAwait.once(client, 10);
    }

    @Test
    void createsAndAwaitsRun11() {
        CreateAndAwait.once(client, 11);
    }

    @Test
    void createsAndAwaitsRun12() {
        CreateAndAwait.once(client, 12);
    }

    @Test
    void createsAndAwaitsRun13() {
        CreateAndAwait.once(client, 13);
    }

    @Test
    void createsAndAwaitsRun14() {
        CreateAndAwait.once(client, 14);
    }

    @Test
    void createsAndAwaitsRun15() {
        CreateAndAwait.once(client, 15);
    }

    @Test
    void createsAndAwaitsRun16() {
        CreateAndAwait.once(client, 16);
    }

    @Test
    void createsAndAwaitsRun17() {
        CreateAndAwait.once(client, 17);
    }

    @Test
    void createsAndAwaitsRun18() {
        CreateAndAwait.once(client, 18);
    }

    @Test
    void createsAndAwaitsRun19() {
        CreateAndAwait.once(client, 19);
    }

    @Test
    void createsAndAwaitsRun20() {
        CreateAndAwait.once(client, 20);
    }
}
