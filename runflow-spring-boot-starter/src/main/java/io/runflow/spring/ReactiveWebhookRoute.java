package io.runflow.spring;

import io.runflow.webhook.WebhookEndpoint;
import io.runflow.webhook.WebhookResponse;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code POST <path>} in a reactive application: the raw bytes, at most one past the limit, to the
 * endpoint on a blocking-capable thread (listeners and a JDBC de-duplicator block).
 */
final class ReactiveWebhookRoute {

    private static final byte[] EMPTY = new byte[0];

    private ReactiveWebhookRoute() {}

    static RouterFunction<ServerResponse> create(String path, WebhookEndpoint endpoint) {
        return RouterFunctions.route()
                .POST(path, request -> handle(endpoint, request))
                .build();
    }

    private static Mono<ServerResponse> handle(WebhookEndpoint endpoint, ServerRequest request) {
        long max = endpoint.maxBodySize();
        if (request.headers().contentLength().orElse(-1) > max) {
            // Declared too large: answered 413 without reading a byte of it.
            return respond(endpoint.tooLarge());
        }
        int limit = (int) Math.min(max + 1, Integer.MAX_VALUE - 8);
        return DataBufferUtils.join(DataBufferUtils.takeUntilByteCount(request.bodyToFlux(DataBuffer.class), limit))
                .map(ReactiveWebhookRoute::bytes)
                .defaultIfEmpty(EMPTY)
                .publishOn(Schedulers.boundedElastic())
                .map(bytes -> endpoint.handle(bytes, name -> request.headers().firstHeader(name)))
                .flatMap(ReactiveWebhookRoute::respond);
    }

    private static byte[] bytes(DataBuffer buffer) {
        try {
            byte[] bytes = new byte[buffer.readableByteCount()];
            buffer.read(bytes);
            return bytes;
        } finally {
            DataBufferUtils.release(buffer);
        }
    }

    private static Mono<ServerResponse> respond(WebhookResponse response) {
        return ServerResponse.status(response.status())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(response.body());
    }
}
