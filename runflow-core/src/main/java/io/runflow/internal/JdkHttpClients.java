package io.runflow.internal;

import java.net.http.HttpClient;

/** Helpers for the JDK's {@link HttpClient} across Java 17 and later. Not public API. */
public final class JdkHttpClients {

    private JdkHttpClients() {}

    /**
     * Stops a client from taking new requests and lets it release its selector thread and pooled
     * connections once in-flight requests end. {@code HttpClient.shutdown()} exists from JDK 21 (and
     * {@code close()} would block on in-flight requests); on JDK 17 the client is simply left to the
     * garbage collector. Does not wait.
     *
     * @param client the client
     */
    public static void shutdown(HttpClient client) {
        try {
            HttpClient.class.getMethod("shutdown").invoke(client);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // JDK 17, or already shut down: nothing to release.
        }
    }
}
