package io.runflow.testkit.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DispatcherTest {

    static {
        // The JDK server reads its properties once per JVM, when its first server starts.
        LoopbackHttpServer.tuneJdkServer();
    }

    HttpServer http;

    @AfterEach
    void stop() {
        http.stop(0);
    }

    HttpResponse<String> get(Router router, String path) throws IOException, InterruptedException {
        http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        http.createContext("/", new Dispatcher(router, new Journal(10), new Faults(), Clock.systemUTC(), 1024));
        http.start();
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + http.getAddress().getPort() + path))
                .timeout(Duration.ofSeconds(2))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void anErrorInAHandlerBecomesThe500Envelope() throws Exception {
        Router router = new Router(r -> {}).open("GET", "/boom", r -> {
            throw new OutOfMemoryError("Java heap space");
        });

        HttpResponse<String> answer = get(router, "/boom");

        assertThat(answer.statusCode()).isEqualTo(500);
        assertThat(answer.body())
                .isEqualTo("{\"code\":\"INTERNAL_ERROR\",\"message\":\"the fake server failed\",\"errors\":null}");
    }

    @Test
    void aRuntimeExceptionInAHandlerBecomesThe500Envelope() throws Exception {
        Router router = new Router(r -> {}).open("GET", "/boom", r -> {
            throw new IllegalStateException("secret detail");
        });

        HttpResponse<String> answer = get(router, "/boom");

        assertThat(answer.statusCode()).isEqualTo(500);
        assertThat(answer.body()).doesNotContain("secret detail").contains("INTERNAL_ERROR");
    }
}
