package io.runflow.testkit.internal.http;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Arrays;

/**
 * Writes a handled answer the way the body-spoiling faults ask: cut mid-body, trickled, or padded far
 * past any sane size. Each ends by closing the exchange; an {@link IOException} means the client went
 * away, which the dispatcher takes as the end of the exchange. Not public API.
 */
final class SpoiledAnswers {

    /** How many pieces a slow body is sent in, at most. */
    private static final int SLOW_PIECES = 20;

    private static final int PADDING_CHUNK = 64 * 1024;

    private SpoiledAnswers() {}

    /**
     * Declares the whole body, sends its first half, and closes the connection: the JDK server closes
     * it when an exchange ends with fewer bytes written than declared.
     */
    static void truncated(HttpExchange exchange, Response response) throws IOException {
        Dispatcher.setHeaders(exchange, response);
        exchange.getResponseHeaders().set("Connection", "close");
        byte[] body = response.body();
        exchange.sendResponseHeaders(response.status(), Math.max(1, body.length));
        OutputStream out = exchange.getResponseBody();
        out.write(body, 0, body.length / 2);
        out.flush();
        exchange.close();
    }

    /** Sends the headers at once, then the body in pieces spread evenly over {@code duration}. */
    static void slow(HttpExchange exchange, Response response, Duration duration) throws IOException {
        byte[] body = response.body();
        if (body.length == 0) {
            Dispatcher.write(exchange, response);
            return;
        }
        Dispatcher.setHeaders(exchange, response);
        exchange.sendResponseHeaders(response.status(), body.length);
        int pieces = Math.min(SLOW_PIECES, body.length);
        long pause = duration.toNanos() / pieces;
        long start = System.nanoTime();
        OutputStream out = exchange.getResponseBody();
        for (int i = 0; i < pieces; i++) {
            // Piece i leaves at (i + 1) * pause after the headers: the last one at the full duration.
            if (!sleepUntil(start + (i + 1) * pause)) {
                exchange.close(); // the server is stopping
                return;
            }
            int from = (int) ((long) body.length * i / pieces);
            int to = (int) ((long) body.length * (i + 1) / pieces);
            out.write(body, from, to - from);
            out.flush();
        }
        out.close();
        exchange.close();
    }

    /** Sends the body and then spaces up to {@code size} bytes, chunked, from one small buffer. */
    static void oversized(HttpExchange exchange, Response response, long size) throws IOException {
        Dispatcher.setHeaders(exchange, response);
        exchange.getResponseHeaders().set("Connection", "close");
        byte[] body = response.body();
        exchange.sendResponseHeaders(response.status(), 0); // chunked: the size shows only at the end
        OutputStream out = exchange.getResponseBody();
        out.write(body);
        byte[] padding = new byte[PADDING_CHUNK];
        Arrays.fill(padding, (byte) ' ');
        for (long left = size - body.length; left > 0; left -= padding.length) {
            if (Thread.currentThread().isInterrupted()) {
                exchange.close(); // the server is stopping
                return;
            }
            out.write(padding, 0, (int) Math.min(left, padding.length));
        }
        out.close();
        exchange.close();
    }

    private static boolean sleepUntil(long nanoTime) {
        long wait = nanoTime - System.nanoTime();
        if (wait <= 0) {
            return true;
        }
        try {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
