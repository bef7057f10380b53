package io.runflow.spring;

import io.runflow.webhook.WebhookEndpoint;
import java.util.function.Supplier;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.RequestPredicate;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * {@code POST <path>} in a reactive application, with the {@link ReactiveWebhookRoute} (and so the
 * endpoint, its verifier and the client) made when the first request to that path arrives rather
 * than as the context starts; every other request passes by on the same method and path test the
 * route itself makes.
 */
final class LazyReactiveWebhookRoute implements RouterFunction<ServerResponse> {

    private final String path;
    private final RequestPredicate predicate;
    private final Supplier<RouterFunction<ServerResponse>> route;

    private LazyReactiveWebhookRoute(String path, Supplier<WebhookEndpoint> endpoint) {
        this.path = path;
        this.predicate = RequestPredicates.POST(path);
        this.route = SingletonSupplier.of(() -> ReactiveWebhookRoute.create(path, endpoint.get()));
    }

    static RouterFunction<ServerResponse> create(String path, Supplier<WebhookEndpoint> endpoint) {
        return new LazyReactiveWebhookRoute(path, endpoint);
    }

    @Override
    public Mono<HandlerFunction<ServerResponse>> route(ServerRequest request) {
        return predicate.test(request) ? route.get().route(request) : Mono.empty();
    }

    @Override
    public String toString() {
        return "POST " + path + " -> runflow webhook endpoint";
    }
}
