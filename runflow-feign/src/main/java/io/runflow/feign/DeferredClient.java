package io.runflow.feign;

import feign.Client;
import feign.Request;
import feign.Response;
import io.runflow.internal.LazyHttpClient;
import java.io.IOException;

/**
 * The SDK's default Feign {@link Client}: a {@link JavaNetClient} over a JDK client that is built on
 * the first request, so building a {@code RunflowClient} (at an application's start-up, say) loads
 * no TLS stack and starts no selector thread.
 */
final class DeferredClient implements Client {

    private final LazyHttpClient http;
    private volatile JavaNetClient client;

    DeferredClient(LazyHttpClient http) {
        this.http = http;
    }

    @Override
    public Response execute(Request request, Request.Options options) throws IOException {
        JavaNetClient current = client;
        if (current == null) {
            synchronized (this) {
                current = client;
                if (current == null) {
                    current = new JavaNetClient(http.get());
                    client = current;
                }
            }
        }
        return current.execute(request, options);
    }
}
