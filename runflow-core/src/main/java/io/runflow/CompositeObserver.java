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
    public Work<HttpAttempt> startHttpAttempt(HttpStart start) {
        List<Work<HttpAttempt>> works = new ArrayList<>(observers.size());
        for (RunflowObserver observer : observers) {
            works.add(observer.startHttpAttempt(start));
        }
        return new CompositeWork<>(works);
    }

    @Override
    public Work<RunEnd> startRun(RunStart start) {
        List<Work<RunEnd>> works = new ArrayList<>(observers.size());
        for (RunflowObserver observer : observers) {
            works.add(observer.startRun(start));
        }
        return new CompositeWork<>(works);
    }

    @Override
    public Work<WebhookRequest> startWebhook(WebhookStart start) {
        List<Work<WebhookRequest>> works = new ArrayList<>(observers.size());
        for (RunflowObserver observer : observers) {
            works.add(observer.startWebhook(start));
        }
        return new CompositeWork<>(works);
    }

    /** The works of every observer as one; each is already fail-safe. Scopes close in reverse order. */
    private static final class CompositeWork<E> implements Work<E> {
        private final List<Work<E>> works;

        CompositeWork(List<Work<E>> works) {
            this.works = works;
        }

        @Override
        public Scope makeCurrent() {
            Scope[] scopes = new Scope[works.size()];
            for (int i = 0; i < scopes.length; i++) {
                scopes[i] = works.get(i).makeCurrent();
            }
            return () -> {
                for (int i = scopes.length - 1; i >= 0; i--) {
                    scopes[i].close();
                }
            };
        }

        @Override
        public void event(String name) {
            for (Work<E> work : works) {
                work.event(name);
            }
        }

        @Override
        public void error(Throwable error) {
            for (Work<E> work : works) {
                work.error(error);
            }
        }

        @Override
        public void end(E result) {
            for (Work<E> work : works) {
                work.end(result);
            }
        }
    }

    @Override
    public String toString() {
        return "RunflowObserver.composite(" + observers + ")";
    }
}
