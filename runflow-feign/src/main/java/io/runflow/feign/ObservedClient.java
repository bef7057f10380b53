package io.runflow.feign;

import feign.Client;
import feign.Request;
import feign.Response;
import io.runflow.RunflowObserver;
import io.runflow.RunflowObserver.HttpAttempt;
import io.runflow.RunflowObserver.HttpAttempt.Failure;
import io.runflow.RunflowObserver.HttpStart;
import io.runflow.RunflowObserver.Work;
import java.io.IOException;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Tells the options' observer of each HTTP attempt as it starts and as it ends, and sends the headers
 * the observer adds at the start (a tracer's {@code traceparent}). Installed as a Feign capability, so
 * it wraps whatever client the customizer chose.
 */
final class ObservedClient implements Client {

    private final Client delegate;
    private final RunflowObserver observer;

    ObservedClient(Client delegate, RunflowObserver observer) {
        this.delegate = delegate;
        this.observer = observer;
    }

    @Override
    public Response execute(Request request, Request.Options options) throws IOException {
        int attempt = Attempts.next();
        String endpoint = Endpoints.of(request);
        Map<String, String> added = new LinkedHashMap<>(4);
        Work<HttpAttempt> work = observer.startHttpAttempt(new HttpStart(endpoint, attempt, added::put));
        Request sent = added.isEmpty() ? request : withHeaders(request, added);
        long start = System.nanoTime();
        Response response;
        try {
            response = delegate.execute(sent, options);
        } catch (IOException | RuntimeException e) {
            work.error(e);
            work.end(new HttpAttempt(endpoint, attempt, 0, FailureKinds.of(e), since(start)));
            throw e;
        }
        work.end(new HttpAttempt(endpoint, attempt, response.status(), Failure.NONE, since(start)));
        return response;
    }

    /** The request with the observer's headers, replacing any of the same name. */
    private static Request withHeaders(Request request, Map<String, String> added) {
        Map<String, Collection<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(request.headers());
        added.forEach((name, value) -> headers.put(name, List.of(value)));
        return Request.create(
                request.httpMethod(),
                request.url(),
                headers,
                request.body(),
                request.charset(),
                request.requestTemplate());
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
