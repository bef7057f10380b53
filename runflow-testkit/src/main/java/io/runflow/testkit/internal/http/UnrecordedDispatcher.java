package io.runflow.testkit.internal.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.runflow.testkit.FakeRunflowServer;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Serves a reserved path prefix beside the API (the control API) with its own {@link Router}: unlike
 * the {@link Dispatcher}, nothing is recorded in the journal, no installed fault applies, no {@code
 * Runflow-Request-Id} is given out, and the router's guard and middleware are whatever it was built
 * with. Errors are answered in the envelope, never as a stack trace. Not public API.
 */
public final class UnrecordedDispatcher implements HttpHandler {

    /** Control bodies are small; a larger one is a mistake, answered 413 unread. */
    static final int MAX_BODY_BYTES = 1024 * 1024;

    private final Supplier<Router> routes;
    /** Made by {@code routes} on the first request; guarded by {@code this}. */
    private Router router;

    /**
     * Creates the handler.
     *
     * @param routes makes the routes of the prefix, on the first request
     */
    public UnrecordedDispatcher(Supplier<Router> routes) {
        this.routes = routes;
    }

    private synchronized Router router() {
        if (router == null) {
            router = routes.get();
        }
        return router;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        Response response;
        try {
            byte[] body = exchange.getRequestBody().readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                exchange.getResponseHeaders().set("Connection", "close");
                response = new ErrorResponseException(
                                413,
                                "PAYLOAD_TOO_LARGE",
                                "request body is larger than " + MAX_BODY_BYTES + " bytes",
                                null)
                        .toResponse();
            } else {
                String rawQuery = exchange.getRequestURI().getRawQuery();
                Map<String, List<String>> headers = new LinkedHashMap<>(exchange.getRequestHeaders());
                response = router().dispatch(new Request(
                        exchange.getRequestMethod(),
                        exchange.getRequestURI().getPath(),
                        Request.parseQuery(rawQuery),
                        headers,
                        body,
                        Map.of()));
            }
        } catch (IOException e) {
            exchange.close();
            return;
        } catch (ErrorResponseException e) {
            response = e.toResponse();
        } catch (RuntimeException e) {
            System.getLogger(FakeRunflowServer.class.getName())
                    .log(Level.WARNING, "fake Runflow server failed on a control request", e);
            response = ErrorResponseException.envelopeResponse(500, "INTERNAL_ERROR", "the fake server failed");
        }
        Dispatcher.write(exchange, response);
    }
}
