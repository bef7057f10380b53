package io.runflow;

import java.util.Objects;

/**
 * Shields the SDK from an observer that throws: each event is passed on, and whatever the observer
 * throws is logged and dropped, so it never changes a call's result. {@link #wrap} is how every
 * component that reports events gets its observer.
 */
final class SafeObserver implements RunflowObserver {

    /** The default observer: does nothing, and is recognised so that no event is even built for it. */
    static final RunflowObserver NOOP = new RunflowObserver() {
        @Override
        public String toString() {
            return "RunflowObserver.noop()";
        }
    };

    /** The work that does nothing, behind {@link RunflowObserver.Work#none()}. */
    static final Work<Object> NONE_WORK = result -> {};

    /**
     * Looked up on the first observer failure, not when the class is first used: finding a {@code
     * System.Logger} loads the JDK's logger finder (a service look-up over the class path), which
     * every client and adapter start-up would otherwise pay for a logger that seldom logs.
     */
    private static final class Log {
        static final System.Logger LOG = System.getLogger(RunflowObserver.class.getName());
    }

    private final RunflowObserver delegate;

    private SafeObserver(RunflowObserver delegate) {
        this.delegate = delegate;
    }

    /**
     * Returns an observer that never throws.
     *
     * @param observer the user's observer
     * @return {@code observer} itself if it is the no-op or already safe, else a safe wrapper
     */
    static RunflowObserver wrap(RunflowObserver observer) {
        Objects.requireNonNull(observer, "observer");
        return observer == NOOP || observer instanceof SafeObserver ? observer : new SafeObserver(observer);
    }

    @Override
    public void onHttpAttempt(HttpAttempt attempt) {
        try {
            delegate.onHttpAttempt(attempt);
        } catch (RuntimeException e) {
            ignored("onHttpAttempt", e);
        }
    }

    @Override
    public void onRetry(Retry retry) {
        try {
            delegate.onRetry(retry);
        } catch (RuntimeException e) {
            ignored("onRetry", e);
        }
    }

    @Override
    public void onWait(Wait wait) {
        try {
            delegate.onWait(wait);
        } catch (RuntimeException e) {
            ignored("onWait", e);
        }
    }

    @Override
    public void onWebhook(WebhookRequest request) {
        try {
            delegate.onWebhook(request);
        } catch (RuntimeException e) {
            ignored("onWebhook", e);
        }
    }

    @Override
    public Work<HttpAttempt> startHttpAttempt(HttpStart start) {
        try {
            return work(delegate.startHttpAttempt(start), "startHttpAttempt");
        } catch (RuntimeException e) {
            ignored("startHttpAttempt", e);
            return Work.none();
        }
    }

    @Override
    public Work<RunEnd> startRun(RunStart start) {
        try {
            return work(delegate.startRun(start), "startRun");
        } catch (RuntimeException e) {
            ignored("startRun", e);
            return Work.none();
        }
    }

    @Override
    public Work<WebhookRequest> startWebhook(WebhookStart start) {
        try {
            return work(delegate.startWebhook(start), "startWebhook");
        } catch (RuntimeException e) {
            ignored("startWebhook", e);
            return Work.none();
        }
    }

    private <E> Work<E> work(Work<E> work, String method) {
        return work == null || work == NONE_WORK ? Work.none() : new SafeWork<>(work, method);
    }

    /** A work whose methods never throw, like the observer that started it. */
    private final class SafeWork<E> implements Work<E> {
        private final Work<E> work;
        private final String method;

        SafeWork(Work<E> work, String method) {
            this.work = work;
            this.method = method;
        }

        @Override
        public Scope makeCurrent() {
            try {
                Scope scope = work.makeCurrent();
                return scope == null
                        ? Scope.NONE
                        : () -> {
                            try {
                                scope.close();
                            } catch (RuntimeException e) {
                                ignored(method + "..close", e);
                            }
                        };
            } catch (RuntimeException e) {
                ignored(method + "..makeCurrent", e);
                return Scope.NONE;
            }
        }

        @Override
        public void event(String name) {
            try {
                work.event(name);
            } catch (RuntimeException e) {
                ignored(method + "..event", e);
            }
        }

        @Override
        public void error(Throwable error) {
            try {
                work.error(error);
            } catch (RuntimeException e) {
                ignored(method + "..error", e);
            }
        }

        @Override
        public void end(E result) {
            try {
                work.end(result);
            } catch (RuntimeException e) {
                ignored(method + "..end", e);
            }
        }
    }

    private void ignored(String method, RuntimeException e) {
        // The class name only: the observer's own message might quote what it was handed.
        Log.LOG.log(
                System.Logger.Level.WARNING,
                () -> "RunflowObserver " + delegate.getClass().getName() + "." + method + " threw "
                        + e.getClass().getName() + "; ignored");
    }

    @Override
    public String toString() {
        return delegate.toString();
    }
}
