package io.runflow.feign;

import feign.Feign;
import feign.Request;
import feign.RequestLine;
import feign.RequestTemplate;
import io.runflow.RetryPolicy.Replay;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Names endpoints the way messages show them: {@code GET /v1/runs/{id}}, the method and the path
 * template, never the expanded URL (which may carry ids and query values).
 */
final class Endpoints {

    private static final Map<String, String> BY_CONFIG_KEY = index();

    /**
     * The {@code POST}s that repeat without a second effect: run and batch create (the contract's
     * idempotency middleware replays the first answer for the same {@code Idempotency-Key}; the batch
     * route documents it) and the admin cancellation (documented idempotent: a terminal run is
     * answered 200, unchanged). Every other {@code POST} is {@link Replay#UNSAFE}: redeliveries, the
     * callback-secret create, and the asset-upload session and confirmation (a repeat would open a
     * second session or make a second asset).
     */
    private static final Set<String> REPLAY_SAFE_POSTS = Set.of(
            "POST /v1/models/{model}/runs", "POST /v1/models/{model}/batches", "POST /v1/admin/runs/{id}/cancellation");

    private Endpoints() {}

    /**
     * Returns the endpoint of a request made through {@link RunflowFeignApi}.
     *
     * @param request the request, or {@code null}
     * @return for example {@code GET /v1/runs/{id}}; {@code the Runflow API} if unknown
     */
    static String of(Request request) {
        if (request == null) {
            return "the Runflow API";
        }
        RequestTemplate template = request.requestTemplate();
        if (template != null && template.methodMetadata() != null) {
            String label = BY_CONFIG_KEY.get(template.methodMetadata().configKey());
            if (label != null) {
                return label;
            }
        }
        // A request built outside the interface (a customized client or target): method and path only.
        String url = request.url();
        int query = url.indexOf('?');
        String path = query < 0 ? url : url.substring(0, query);
        int scheme = path.indexOf("://");
        int slash = scheme < 0 ? 0 : path.indexOf('/', scheme + 3);
        return request.httpMethod() + " " + (slash < 0 ? "/" : path.substring(slash));
    }

    /**
     * Tells whether a request may be sent again after an ambiguous failure. {@code GET}, {@code
     * PATCH} and the other non-{@code POST} methods are idempotent by definition; a {@code POST} is
     * safe only when listed above. A request Feign cannot place (built outside the interface) is
     * judged by its method alone, so an unknown {@code POST} is unsafe.
     *
     * @param request the request, or {@code null} (unsafe)
     * @return how the retry policy treats the request's ambiguous failures
     */
    static Replay replay(Request request) {
        if (request == null) {
            return Replay.UNSAFE;
        }
        String endpoint = of(request);
        return endpoint.startsWith("POST ") && !REPLAY_SAFE_POSTS.contains(endpoint) ? Replay.UNSAFE : Replay.SAFE;
    }

    private static Map<String, String> index() {
        Map<String, String> labels = new HashMap<>();
        for (Method method : RunflowFeignApi.class.getDeclaredMethods()) {
            RequestLine line = method.getAnnotation(RequestLine.class);
            if (line != null) {
                labels.put(Feign.configKey(RunflowFeignApi.class, method), line.value());
            }
        }
        return Map.copyOf(labels);
    }
}
