package io.runflow.feign;

import feign.Feign;
import feign.Request;
import feign.RequestLine;
import feign.RequestTemplate;
import io.runflow.RetryPolicy.Replay;
import io.runflow.internal.Endpoint;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;

/**
 * Places a request made through {@link RunflowFeignApi} among core's {@link Endpoint} declarations,
 * which say how messages name it and whether it may be replayed. Each {@code @RequestLine} is
 * {@code METHOD template} of exactly one declaration; the index below fails the class's
 * initialisation otherwise, and {@code EndpointsTest} checks both directions.
 */
final class Endpoints {

    private static final Map<String, Endpoint> BY_CONFIG_KEY = index();

    private Endpoints() {}

    /**
     * Returns the core declaration of a request made through {@link RunflowFeignApi}.
     *
     * @param request the request, or {@code null}
     * @return the endpoint, or {@code null} for a request built outside the interface
     */
    static Endpoint endpoint(Request request) {
        if (request == null) {
            return null;
        }
        RequestTemplate template = request.requestTemplate();
        if (template == null || template.methodMetadata() == null) {
            return null;
        }
        return BY_CONFIG_KEY.get(template.methodMetadata().configKey());
    }

    /**
     * Names a request the way messages and the observer show it: the method and the path template,
     * never the expanded URL (which may carry ids and query values).
     *
     * @param request the request, or {@code null}
     * @return for example {@code GET /v1/runs/{id}}; {@code the Runflow API} if unknown
     */
    static String of(Request request) {
        if (request == null) {
            return "the Runflow API";
        }
        Endpoint endpoint = endpoint(request);
        if (endpoint != null) {
            return endpoint.label();
        }
        // A request built outside the interface (a customized client or target): method and path only.
        return sent(request);
    }

    /**
     * Names a request the way a final error shows it, so the reader sees which call failed: the
     * method and the path as sent, ids filled in, without the host or the query (which may carry
     * filter values and cursors).
     *
     * @param request the request, or {@code null}
     * @return for example {@code GET /v1/runs/run_1}; {@code the Runflow API} if unknown
     */
    static String sent(Request request) {
        if (request == null) {
            return "the Runflow API";
        }
        String url = request.url();
        int query = url.indexOf('?');
        String path = query < 0 ? url : url.substring(0, query);
        int scheme = path.indexOf("://");
        int slash = scheme < 0 ? 0 : path.indexOf('/', scheme + 3);
        return request.httpMethod() + " " + (slash < 0 ? "/" : path.substring(slash));
    }

    /**
     * Tells whether a request may be sent again after an ambiguous failure, as core's declaration of
     * its endpoint says. A request Feign cannot place (built outside the interface) is judged by its
     * method alone: {@code GET}, {@code PATCH} and the other non-{@code POST} methods are idempotent by
     * definition, an unknown {@code POST} is unsafe.
     *
     * @param request the request, or {@code null} (unsafe)
     * @return how the retry policy treats the request's ambiguous failures
     */
    static Replay replay(Request request) {
        if (request == null) {
            return Replay.UNSAFE;
        }
        Endpoint endpoint = endpoint(request);
        if (endpoint != null) {
            return endpoint.replaySafe() ? Replay.SAFE : Replay.UNSAFE;
        }
        return request.httpMethod() == Request.HttpMethod.POST ? Replay.UNSAFE : Replay.SAFE;
    }

    /**
     * Returns the core declaration a request line names.
     *
     * @param method a method of {@link RunflowFeignApi}
     * @return the declaration whose method and template equal the method's {@code @RequestLine}
     * @throws IllegalStateException if core declares no such endpoint
     */
    static Endpoint declared(Method method) {
        String line = method.getAnnotation(RequestLine.class).value().strip();
        int space = line.indexOf(' ');
        return Endpoint.find(line.substring(0, space), line.substring(space + 1).strip())
                .orElseThrow(() -> new IllegalStateException(
                        "RunflowFeignApi." + method.getName() + " (" + line + ") is not declared in core's Endpoint"));
    }

    private static Map<String, Endpoint> index() {
        Map<String, Endpoint> endpoints = new HashMap<>();
        for (Method method : RunflowFeignApi.class.getDeclaredMethods()) {
            if (method.isAnnotationPresent(RequestLine.class)) {
                endpoints.put(Feign.configKey(RunflowFeignApi.class, method), declared(method));
            }
        }
        return Map.copyOf(endpoints);
    }
}
