package io.runflow.benchmarks;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/** P3 peer: a bare JDK {@code HttpServer} with TCP_NODELAY answering {@code GET /v1/health}. */
public final class JdkServerMain {

    static final byte[] HEALTH = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);

    private JdkServerMain() {}

    /**
     * Starts the server.
     *
     * @return the running server
     */
    static Started start() {
        // Without it every keep-alive answer stalls about 40 ms (Nagle and delayed ACK).
        System.setProperty("sun.net.httpserver.nodelay", "true");
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/v1/health", exchange -> {
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, HEALTH.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(HEALTH);
                }
            });
            server.start();
            return new Started(server.getAddress().getPort(), () -> server.stop(0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Cold-start child.
     *
     * @param args none
     * @throws Exception if the server cannot start
     */
    public static void main(String[] args) throws Exception {
        Started started = start();
        ServerProcess.serve(started.port(), started.closer());
    }
}
