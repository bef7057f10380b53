package io.runflow.micronaut;

import io.runflow.RunflowObserver;
import java.util.List;

/** Every {@link RunflowObserver} bean as one: the builders take a single observer. */
final class Observers implements RunflowObserver {

    private final List<RunflowObserver> observers;

    private Observers(List<RunflowObserver> observers) {
        this.observers = observers;
    }

    static RunflowObserver of(List<RunflowObserver> observers) {
        if (observers.isEmpty()) {
            return RunflowObserver.noop();
        }
        if (observers.size() == 1) {
            return observers.get(0);
        }
        // Each one fail-safe, so that one that throws does not keep the event from the next.
        return new Observers(observers.stream().map(RunflowObserver::failSafe).toList());
    }

    @Override
    public void onHttpAttempt(HttpAttempt attempt) {
        observers.forEach(o -> o.onHttpAttempt(attempt));
    }

    @Override
    public void onRetry(Retry retry) {
        observers.forEach(o -> o.onRetry(retry));
    }

    @Override
    public void onWait(Wait wait) {
        observers.forEach(o -> o.onWait(wait));
    }

    @Override
    public void onWebhook(WebhookRequest request) {
        observers.forEach(o -> o.onWebhook(request));
    }
}
