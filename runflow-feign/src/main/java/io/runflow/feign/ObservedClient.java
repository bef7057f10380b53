package io.runflow.feign;

import feign.Client;
import feign.Request;
import feign.Response;
import io.runflow.RunflowObserver;
import io.runflow.RunflowObserver.HttpAttempt;
import io.runflow.RunflowObserver.HttpAttempt.Failure;
import java.io.IOException;
import java.time.Duration;

/**
 * Reports each HTTP attempt to the options' observer. Installed as a Feign capability, so it wraps
 * whatever client the customizer chose.
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
        long start = System.nanoTime();
        Response response;
        try {
            response = delegate.execute(request, options);
        } catch (IOException | RuntimeException e) {
            report(request, attempt, 0, FailureKinds.of(e), start);
            throw e;
        }
        report(request, attempt, response.status(), Failure.NONE, start);
        return response;
    }

    private void report(Request request, int attempt, int status, Failure failure, long start) {
        observer.onHttpAttempt(new HttpAttempt(
                Endpoints.of(request), attempt, status, failure, Duration.ofNanos(System.nanoTime() - start)));
    }
}
