package io.runflow.internal;

import java.net.http.HttpClient;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A JDK {@link HttpClient} built on first use instead of up front. Building one loads the TLS stack
 * and the default trust store and starts a selector thread, which costs an application's start-up
 * tens of milliseconds per client even when nothing is sent yet (a client that only receives
 * webhooks, an uploader never asked to upload). Thread-safe; the factory runs at most once. Not
 * public API.
 */
public final class LazyHttpClient {

    private final Supplier<HttpClient> factory;
    private HttpClient client;
    private boolean shutdown;

    /**
     * Defers building the client.
     *
     * @param factory builds the client on the first {@link #get()}
     */
    public LazyHttpClient(Supplier<HttpClient> factory) {
        this.factory = Objects.requireNonNull(factory, "factory");
    }

    /**
     * The client, built now if this is the first call. After {@link #shutdown()} a client built now
     * is shut down at once, so it fails requests the way the client built up front would have.
     *
     * @return the client
     */
    public synchronized HttpClient get() {
        if (client == null) {
            client = Objects.requireNonNull(factory.get(), "factory returned null");
            if (shutdown) {
                JdkHttpClients.shutdown(client);
            }
        }
        return client;
    }

    /** Whether the client has been built. */
    synchronized boolean isBuilt() {
        return client != null;
    }

    /**
     * Shuts the client down as {@link JdkHttpClients#shutdown(HttpClient)} does, if it was built; a
     * client never built is never built for this.
     */
    public synchronized void shutdown() {
        shutdown = true;
        if (client != null) {
            JdkHttpClients.shutdown(client);
        }
    }
}
