package io.runflow.testkit.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.runflow.testkit.FakeRunflowServer;
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
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
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
        // The failure is logged (a warning with the error), checked here instead of printed.
        List<LogRecord> logged = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record);
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger logger = Logger.getLogger(FakeRunflowServer.class.getName());
        logger.addHandler(capture);
        logger.setUseParentHandlers(false);
        HttpResponse<String> answer;
        try {
            answer = get(router, "/boom");
        } finally {
            logger.setUseParentHandlers(true);
            logger.removeHandler(capture);
        }

        assertThat(answer.statusCode()).isEqualTo(500);
        assertThat(answer.body())
                .isEqualTo("{\"code\":\"INTERNAL_ERROR\",\"message\":\"the fake server failed\",\"errors\":null}");
        assertThat(logged).singleElement().satisfies(record -> {
            assertThat(record.getLevel()).isEqualTo(Level.WARNING);
            assertThat(record.getMessage()).isEqualTo("fake Runflow server failed on a request");
            assertThat(record.getThrown()).isInstanceOf(OutOfMemoryError.class);
        });
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
