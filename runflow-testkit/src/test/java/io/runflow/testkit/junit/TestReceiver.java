package io.runflow.testkit.junit;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/** A callback receiver that answers 200 to everything. Public only for the assertj tests. */
public final class TestReceiver implements AutoCloseable {

    private final HttpServer server;

    /** Starts on a free loopback port. */
    public TestReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
    }

    /**
     * Returns where to send callbacks.
     *
     * @return the URL
     */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** Stops the receiver. */
    @Override
    public void close() {
        server.stop(0);
    }
}
