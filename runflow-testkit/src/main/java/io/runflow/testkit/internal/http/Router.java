package io.runflow.testkit.internal.http;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Matches a request to its handler. Templates use {@code {name}} for one path segment and at most
 * one {@code {name...}} for one or more segments (model ids such as {@code
 * bytedance/seedance/2.0/fast/text-to-video}). An unknown path is a 404, a known path with another
 * method a 405 with {@code Allow}, both in the error envelope. Middleware added with {@link
 * #use(Middleware)} runs around every matched and authorized handler. Not public API.
 */
public final class Router {

    /** Handles one matched request. */
    @FunctionalInterface
    public interface Handler {
        /**
         * Answers the request.
         *
         * @param request the request, with the path parameters the route matched
         * @return the answer
         * @throws ErrorResponseException for an error answer in the envelope
         */
        Response handle(Request request);
    }

    /** Checks the caller's credentials; throws an {@link ErrorResponseException} to refuse. */
    @FunctionalInterface
    public interface Guard {
        /**
         * Checks the request.
         *
         * @param request the request
         * @throws ErrorResponseException to refuse it
         */
        void check(Request request);
    }

    /** Runs around a matched and authorized handler, for behaviour that every route shares. */
    @FunctionalInterface
    public interface Middleware {
        /**
         * Answers the request, usually by calling {@code next}.
         *
         * @param request the request, with its path parameters
         * @param route the matched route, method and template, e.g. {@code POST /v1/runs/{id}/callback-redeliveries}
         * @param next the handler (or the next middleware)
         * @return the answer
         */
        Response handle(Request request, String route, Handler next);
    }

    private record Route(List<String> template, String text, Map<String, Handler> byMethod, boolean open) {}

    private final List<Route> routes = new ArrayList<>();
    private final List<Middleware> middleware = new ArrayList<>();
    private final Guard auth;
    private Supplier<Router> otherwise;

    /**
     * Creates an empty router.
     *
     * @param auth the check of every route not added with {@link #open}
     */
    public Router(Guard auth) {
        this.auth = auth;
    }

    /**
     * Adds a route that needs the Bearer key.
     *
     * @param method the HTTP method
     * @param template the path template
     * @param handler the handler
     * @return this router
     */
    public Router route(String method, String template, Handler handler) {
        return add(method, template, handler, false);
    }

    /**
     * Adds a route anyone may call (health, public models, output files).
     *
     * @param method the HTTP method
     * @param template the path template
     * @param handler the handler
     * @return this router
     */
    public Router open(String method, String template, Handler handler) {
        return add(method, template, handler, true);
    }

    /**
     * Adds middleware around every route; the first added runs outermost.
     *
     * @param m the middleware
     * @return this router
     */
    public Router use(Middleware m) {
        middleware.add(m);
        return this;
    }

    /**
     * Hands every request whose path no route of this router matches to another router, made when
     * first needed; that router's guard and middleware apply to it. Without it such a path is 404.
     *
     * @param more makes the other router; called for each such request, so it returns one it keeps
     * @return this router
     */
    public Router otherwise(Supplier<Router> more) {
        this.otherwise = more;
        return this;
    }

    private Router add(String method, String template, Handler handler, boolean open) {
        List<String> segments = segments(template);
        for (Route r : routes) {
            if (r.template.equals(segments)) {
                r.byMethod.put(method, handler);
                return this;
            }
        }
        Map<String, Handler> byMethod = new LinkedHashMap<>();
        byMethod.put(method, handler);
        routes.add(new Route(segments, template, byMethod, open));
        return this;
    }

    Response dispatch(Request request) {
        List<String> path = segments(request.path());
        for (Route route : routes) {
            Map<String, String> params = match(route.template, path);
            if (params == null) {
                continue;
            }
            Handler handler = route.byMethod.get(request.method());
            if (handler == null) {
                String allow = String.join(", ", new TreeSet<>(route.byMethod.keySet()));
                return new ErrorResponseException(
                                405,
                                "METHOD_NOT_ALLOWED",
                                "method " + request.method() + " is not allowed on " + request.path() + "; allowed: "
                                        + allow,
                                null)
                        .toResponse()
                        .withHeaders(Map.of("Allow", allow));
            }
            if (!route.open) {
                auth.check(request);
            }
            return chain(0, route.text, handler).handle(request.withParams(params));
        }
        if (otherwise != null) {
            return otherwise.get().dispatch(request);
        }
        throw ErrorResponseException.notFound(
                "NOT_FOUND", "no such endpoint: " + request.method() + " " + request.path());
    }

    private Handler chain(int index, String template, Handler handler) {
        if (index == middleware.size()) {
            return handler;
        }
        Middleware m = middleware.get(index);
        Handler next = chain(index + 1, template, handler);
        return request -> m.handle(request, request.method() + " " + template, next);
    }

    private static List<String> segments(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        if (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed.isEmpty() ? List.of() : Arrays.asList(trimmed.split("/", -1));
    }

    private static Map<String, String> match(List<String> template, List<String> path) {
        int multi = -1;
        for (int i = 0; i < template.size(); i++) {
            if (template.get(i).endsWith("...}")) {
                multi = i;
            }
        }
        if (multi < 0 ? path.size() != template.size() : path.size() < template.size()) {
            return null;
        }
        Map<String, String> params = new LinkedHashMap<>();
        int tail = template.size() - multi - 1;
        for (int i = 0; i < template.size(); i++) {
            String t = template.get(i);
            if (i == multi) {
                List<String> part = path.subList(i, path.size() - tail);
                if (part.stream().anyMatch(String::isEmpty)) {
                    return null;
                }
                params.put(t.substring(1, t.length() - 4), String.join("/", part));
                continue;
            }
            String p = path.get(multi >= 0 && i > multi ? path.size() - (template.size() - i) : i);
            if (t.startsWith("{")) {
                if (p.isEmpty()) {
                    return null;
                }
                params.put(t.substring(1, t.length() - 1), p);
            } else if (!t.equals(p)) {
                return null;
            }
        }
        return params;
    }
}
