package io.runflow.spring;

import io.runflow.webhook.WebhookEndpoint;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.RequestPredicate;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * {@code POST <path>} in a servlet application, with the {@link ServletWebhookRoute} (and so the
 * endpoint, its verifier and the client) made when the first request to that path arrives rather
 * than as the context starts; every other request passes by on the same method and path test the
 * route itself makes.
 */
final class LazyServletWebhookRoute implements RouterFunction<ServerResponse> {

    private final String path;
    private final RequestPredicate predicate;
    private final Supplier<RouterFunction<ServerResponse>> route;

    private LazyServletWebhookRoute(String path, Supplier<WebhookEndpoint> endpoint) {
        this.path = path;
        this.predicate = RequestPredicates.POST(path);
        this.route = SingletonSupplier.of(() -> ServletWebhookRoute.create(path, endpoint.get()));
    }

    static RouterFunction<ServerResponse> create(String path, Supplier<WebhookEndpoint> endpoint) {
        return new LazyServletWebhookRoute(path, endpoint);
    }

    @Override
    public Optional<HandlerFunction<ServerResponse>> route(ServerRequest request) {
        return predicate.test(request) ? route.get().route(request) : Optional.empty();
    }

    @Override
    public String toString() {
        return "POST " + path + " -> runflow webhook endpoint";
    }
}
