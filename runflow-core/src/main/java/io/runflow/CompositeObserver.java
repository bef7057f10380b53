package io.runflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Several observers heard as one: each event goes to every observer, each shielded from the others. */
final class CompositeObserver implements RunflowObserver {

    private final List<RunflowObserver> observers;

    private CompositeObserver(List<RunflowObserver> observers) {
        this.observers = observers;
    }

    static RunflowObserver of(List<? extends RunflowObserver> observers) {
        Objects.requireNonNull(observers, "observers");
        List<RunflowObserver> safe = new ArrayList<>(observers.size());
        for (RunflowObserver observer : observers) {
            Objects.requireNonNull(observer, "observers must not contain null");
            if (observer != RunflowObserver.noop()) {
                safe.add(RunflowObserver.failSafe(observer));
            }
        }
        if (safe.isEmpty()) {
            return RunflowObserver.noop();
        }
        return safe.size() == 1 ? safe.get(0) : new CompositeObserver(List.copyOf(safe));
    }

    @Override
    public void onHttpAttempt(HttpAttempt attempt) {
        for (RunflowObserver observer : observers) {
            observer.onHttpAttempt(attempt);
        }
    }

    @Override
    public void onRetry(Retry retry) {
        for (RunflowObserver observer : observers) {
            observer.onRetry(retry);
        }
    }

    @Override
    public void onWait(Wait wait) {
        for (RunflowObserver observer : observers) {
            observer.onWait(wait);
        }
    }

    @Override
    public void onWebhook(WebhookRequest request) {
        for (RunflowObserver observer : observers) {
            observer.onWebhook(request);
        }
    }

    @Override
    public String toString() {
        return "RunflowObserver.composite(" + observers + ")";
    }
}
