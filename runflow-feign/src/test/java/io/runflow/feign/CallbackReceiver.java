package io.runflow.feign;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;

/**
 * A local endpoint for the fake's callbacks: a JDK HTTP server on loopback that hands each body and
 * its {@code Runflow-Signature} to a handler, answering the status the handler returns.
 */
final class CallbackReceiver implements AutoCloseable {

    /** One received callback. */
    record Received(byte[] body, String signature) {}

    final List<Received> received = new CopyOnWriteArrayList<>();
    private final HttpServer http;

    CallbackReceiver(BiFunction<byte[], String, Integer> handler) {
        try {
            http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        http.createContext("/hooks/runflow", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String signature = exchange.getRequestHeaders().getFirst("Runflow-Signature");
            received.add(new Received(body, signature));
            int status;
            try {
                status = handler.apply(body, signature);
            } catch (RuntimeException e) {
                status = 500;
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        http.start();
    }

    static CallbackReceiver accepting() {
        return new CallbackReceiver((body, signature) -> 200);
    }

    String url() {
        return "http://127.0.0.1:" + http.getAddress().getPort() + "/hooks/runflow";
    }

    @Override
    public void close() {
        http.stop(0);
    }
}
