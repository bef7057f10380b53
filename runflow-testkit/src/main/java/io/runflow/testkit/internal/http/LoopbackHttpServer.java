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
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The JDK HTTP server on a loopback port, tuned for a test fake. Not public API.
 *
 * <p>Handlers run on the JDK server's own dispatcher thread, as a bare {@code HttpServer} without an
 * executor runs them: handing every exchange to a pool thread costs two thread wake-ups per request
 * (the worker's, then the dispatcher's to take the connection back), about a third of a keep-alive
 * request's time. A handler whose work may wait (a body still arriving, a delay, a callback attempt,
 * a large file) passes the exchange on with {@link #handOff(Runnable)} to a pool of daemon threads,
 * made on first use.
 */
public final class LoopbackHttpServer {

    private final HttpServer http;
    /** Made on the first hand-off; guarded by {@code this}. */
    private ExecutorService workers;

    private boolean stopped;

    private LoopbackHttpServer(HttpServer http) {
        this.http = http;
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
     * Loads, on a daemon thread, what every first answer needs: the JDK server formats a {@code Date}
     * header (java.time with locale data, tens of milliseconds the first time in a JVM). Overlaps that
     * cost with the server's and the client's own start. Jackson is not loaded here: the health check
     * does without it, and the first API answer loads it when it comes.
     */
    public static void warmUp() {
        Thread warmUp = new Thread(
                () -> {
                    // The same pattern as the JDK server's Date header; "zzz" loads time-zone names.
                    DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss zzz", Locale.US)
                            .withZone(ZoneId.of("GMT"))
                            .format(Instant.now());
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
     * Serves every path with one handler, called on the JDK server's dispatcher thread.
     *
     * @param handler the handler, usually a {@link Dispatcher}
     */
    public void start(HttpHandler handler) {
        http.createContext("/", handler);
        http.start();
    }

    /**
     * Runs a task on a pool thread, for work that may wait and so must not hold up the dispatcher
     * thread, which serves every connection.
     *
     * @param task the rest of an exchange
     * @throws RejectedExecutionException when the server has stopped
     */
    public void handOff(Runnable task) {
        workers().execute(task);
    }

    private synchronized ExecutorService workers() {
        if (stopped) {
            throw new RejectedExecutionException("the fake Runflow server has stopped");
        }
        if (workers == null) {
            AtomicInteger threads = new AtomicInteger();
            workers = Executors.newCachedThreadPool(task -> {
                Thread t = new Thread(task, "fake-runflow-http-" + threads.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
        }
        return workers;
    }

    /**
     * Serves the paths under a prefix with another handler than the one given to {@link
     * #start(HttpHandler)}; the longest matching prefix wins. May be called before or after start.
     *
     * The handler runs on a pool thread: its requests (the control API's {@code advance}, say) may
     * wait for others.
     *
     * @param prefix e.g. {@code /__fake/}
     * @param handler the handler of those paths
     */
    public void mount(String prefix, HttpHandler handler) {
        http.createContext(prefix, exchange -> {
            try {
                handOff(() -> {
                    try {
                        handler.handle(exchange);
                    } catch (IOException | RuntimeException e) {
                        exchange.close();
                    }
                });
            } catch (RejectedExecutionException stopping) {
                exchange.close();
            }
        });
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
        ExecutorService pool;
        synchronized (this) {
            stopped = true;
            pool = workers;
        }
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
