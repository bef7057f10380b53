package io.runflow.testkit.internal.http;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The JDK HTTP server on a loopback port, with daemon threads, tuned for a test fake. Not public API.
 */
public final class LoopbackHttpServer {

    private final HttpServer http;
    private final ExecutorService executor;

    private LoopbackHttpServer(HttpServer http) {
        this.http = http;
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(task -> {
            Thread t = new Thread(task, "fake-runflow-http-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Sets the JDK server's properties unless already set: {@code sun.net.httpserver.nodelay=true}
     * (without TCP_NODELAY each keep-alive request stalls about 40 ms) and {@code
     * sun.net.httpserver.drainAmount=0} (a connection whose body a handler left unread, such as a 413,
     * is closed instead of first drained of up to 64 KiB). The JDK reads both once, when the first
     * {@code HttpServer} of the JVM starts, so this must run before that.
     */
    public static void tuneJdkServer() {
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        if (System.getProperty("sun.net.httpserver.drainAmount") == null) {
            System.setProperty("sun.net.httpserver.drainAmount", "0");
        }
    }

    /**
     * Loads, on a daemon thread, what the first answers need: the JDK server formats a {@code Date}
     * header (java.time with locale data, tens of milliseconds the first time in a JVM) and API
     * answers need Jackson. Overlaps that cost with the client's own start.
     */
    public static void warmUp() {
        Thread warmUp = new Thread(
                () -> {
                    // The same pattern as the JDK server's Date header; "zzz" loads time-zone names.
                    DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss zzz", Locale.US)
                            .withZone(ZoneId.of("GMT"))
                            .format(Instant.now());
                    Json.write(Json.object().put("warm", true));
                },
                "fake-runflow-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
    }

    /**
     * Binds a loopback port; nothing is served until {@link #start(HttpHandler)}.
     *
     * @param port the port, 0 for any free one
     * @return the bound server
     * @throws UncheckedIOException when the port cannot be bound
     */
    public static LoopbackHttpServer bind(int port) {
        try {
            return new LoopbackHttpServer(
                    HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind the fake Runflow server to port " + port, e);
        }
    }

    /**
     * Serves every path with one handler.
     *
     * @param handler the handler, usually a {@link Dispatcher}
     */
    public void start(HttpHandler handler) {
        http.createContext("/", handler);
        http.setExecutor(executor);
        http.start();
    }

    /**
     * Serves the paths under a prefix with another handler than the one given to {@link
     * #start(HttpHandler)}; the longest matching prefix wins. May be called before or after start.
     *
     * @param prefix e.g. {@code /__fake/}
     * @param handler the handler of those paths
     */
    public void mount(String prefix, HttpHandler handler) {
        http.createContext(prefix, handler);
    }

    /**
     * Returns the bound port.
     *
     * @return the port
     */
    public int port() {
        return http.getAddress().getPort();
    }

    /**
     * Returns the base URL of the bound port.
     *
     * @return {@code http://127.0.0.1:<port>}
     */
    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    /** Stops serving at once and interrupts the handler threads. */
    public void stop() {
        http.stop(0);
        executor.shutdownNow();
    }
}
