package io.runflow.feign;

import feign.Client;
import feign.Request;
import feign.Response;
import io.runflow.internal.Lazy;
import io.runflow.internal.LazyHttpClient;
import java.io.IOException;

/**
 * The SDK's default Feign {@link Client}: a {@link JavaNetClient} over a JDK client that is built on
 * the first request, so building a {@code RunflowClient} (at an application's start-up, say) loads
 * no TLS stack and starts no selector thread.
 */
final class DeferredClient implements Client {

    private final Lazy<JavaNetClient> client;

    DeferredClient(LazyHttpClient http) {
        this.client = new Lazy<>(() -> new JavaNetClient(http.get()));
    }

    @Override
    public Response execute(Request request, Request.Options options) throws IOException {
        return client.get().execute(request, options);
    }
}
