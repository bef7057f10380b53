package io.runflow;

import io.runflow.model.RunStatus;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Hears what the SDK does, for metrics and tracing: each HTTP attempt, each retry, each wait and each
 * webhook request. Every method has an empty default, so an observer overrides only what it needs.
 * The Spring and Micronaut modules turn these events into Micrometer meters; plain Java code can do
 * the same:
 *
 * <pre>{@code
 * RunflowClient runflow = RunflowClient.builder()
 *         .apiKey(key)
 *         .observer(new RunflowObserver() {
 *             @Override
 *             public void onHttpAttempt(HttpAttempt attempt) {
 *                 log.debug("{} -> {} in {}", attempt.endpoint(), attempt.outcome(), attempt.duration());
 *             }
 *         })
 *         .build();
 * }</pre>
 *
 * <p>Methods are called on the thread that did the work (a caller's thread, a poll's executor thread,
 * the web server's thread), so keep them short and thread-safe. An observer that throws is ignored:
 * the exception is logged at {@code WARNING} through {@link System.Logger} (logger {@code
 * io.runflow.RunflowObserver}) and never changes the call's result. Every value an event carries is
 * bounded (endpoint templates, statuses, enums), so events can become metric tags as they are; none
 * carries the API key, a secret, an id or a URL, except {@link Wait#runId()}, which is not for tags.
 *
 * <p><b>Start and end.</b> For tracing, three kinds of work are also told when they start: each HTTP
 * attempt ({@link #startHttpAttempt}), each run from its create to its end ({@link #startRun}) and
 * each webhook request ({@link #startWebhook}). Each start returns a {@link Work} that the SDK ends
 * exactly once, possibly on another thread (a poll's, the webhook's), so whatever context the observer
 * captured at the start (the caller's current span) travels with it. The defaults of the HTTP and
 * webhook starts report {@link #onHttpAttempt} and {@link #onWebhook} at the end: the after-the-fact
 * events are derived from the same hook. With {@link #noop()} nothing is started and nothing is
 * allocated. {@code runflow-micrometer}'s {@code RunflowObservations} implements the starts as
 * Micrometer Observations.
 */
public interface RunflowObserver {

    /**
     * Returns the observer that does nothing, the default.
     *
     * @return the no-op observer
     */
    static RunflowObserver noop() {
        return SafeObserver.NOOP;
    }

    /**
     * Returns an observer that passes every event to {@code observer} and logs and drops whatever it
     * throws. The SDK applies it to every observer it is given; components of your own that report to
     * an observer can use it too.
     *
     * @param observer the observer
     * @return an observer that never throws
     */
    static RunflowObserver failSafe(RunflowObserver observer) {
        return SafeObserver.wrap(observer);
    }

    /**
     * Returns an observer that passes every event to each of {@code observers}, in order; one that
     * throws is logged and skipped, and the others still hear the event. The framework modules use
     * it to combine their meters with the application's own observers.
     *
     * @param observers the observers, possibly none
     * @return {@link #noop()} for none, the fail-safe observer itself for one, else the combination
     */
    static RunflowObserver composite(List<? extends RunflowObserver> observers) {
        return CompositeObserver.of(observers);
    }

    /**
     * One HTTP request was made, whatever its outcome. A call that is retried makes several.
     *
     * @param attempt what was asked, and what came of it
     */
    default void onHttpAttempt(HttpAttempt attempt) {}

    /**
     * A failed attempt will be retried after a delay.
     *
     * @param retry the endpoint, how many attempts failed so far, and the delay
     */
    default void onRetry(Retry retry) {}

    /**
     * A wait for a run ({@code runs().await(..)}, {@code run(..)} and their async forms) ended.
     *
     * @param wait how it ended, after how long and how many polls
     */
    default void onWait(Wait wait) {}

    /**
     * A webhook endpoint answered a request.
     *
     * @param request the outcome and the status answered
     */
    default void onWebhook(WebhookRequest request) {}

    /**
     * An HTTP attempt is about to be sent. The observer may add headers to it (a tracer's {@code
     * traceparent}) through {@link HttpStart#headers()}, during this call only.
     *
     * @param start the endpoint, the attempt's number and where headers go
     * @return the work, ended with the attempt's outcome; by default one that reports {@link
     *     #onHttpAttempt} at its end
     */
    default Work<HttpAttempt> startHttpAttempt(HttpStart start) {
        return this::onHttpAttempt;
    }

    /**
     * A run is about to be created. The work lasts until the run's end as this client learns it (a
     * wait's end, a terminal callback offered to {@link RunflowClient#callbacks()}, a failed create or
     * the client's close); status changes seen in between are its {@link Work#event events}. What the
     * observer writes to {@link RunStart#traceContext()} during this call is stored in the run's
     * metadata under {@link RunflowClient#TRACE_CONTEXT_METADATA_KEY} (unless turned off), so the
     * run's callback can continue the trace. The create itself runs inside {@link
     * Work#makeCurrent()}, and so do the waits' polls.
     *
     * @param start the model and where trace context goes
     * @return the work; by default one that does nothing
     */
    default Work<RunEnd> startRun(RunStart start) {
        return Work.none();
    }

    /**
     * A webhook request is being handled: called once its signature is checked (or found wrong), before
     * the listeners run. The listeners run on this thread inside {@link Work#makeCurrent()}, so their
     * own spans and logs belong to the work. Trace context is offered only for a verified callback
     * (never for a rejected request).
     *
     * @param start the callback's kind and the trace context its run's create stored
     * @return the work, ended with the request's outcome; by default one that reports {@link
     *     #onWebhook} at its end
     */
    default Work<WebhookRequest> startWebhook(WebhookStart start) {
        return this::onWebhook;
    }

    /**
     * Work an observer was told of at its start, ended exactly once.
     *
     * @param <E> what the end reports
     */
    @FunctionalInterface
    interface Work<E> {

        /**
         * Returns the work that does nothing.
         *
         * @param <E> what the end reports
         * @return the no-op work
         */
        @SuppressWarnings("unchecked")
        static <E> Work<E> none() {
            return (Work<E>) SafeObserver.NONE_WORK;
        }

        /**
         * Makes the work's context current on this thread, for work done on its behalf (the create's
         * request, a poll), until the scope is closed on the same thread.
         *
         * @return the scope to close
         */
        default Scope makeCurrent() {
            return Scope.NONE;
        }

        /**
         * Something happened during the work, for example a run's new status.
         *
         * @param name a bounded name, for example {@code running}
         */
        default void event(String name) {}

        /**
         * The work failed with {@code error}; {@link #end} follows.
         *
         * @param error what it failed with
         */
        default void error(Throwable error) {}

        /**
         * The work ended. Called once, on whatever thread ended it.
         *
         * @param result how it ended
         */
        void end(E result);
    }

    /** A context made current by {@link Work#makeCurrent()}; close it on the thread that opened it. */
    @FunctionalInterface
    interface Scope extends AutoCloseable {

        /** The scope of no context. */
        Scope NONE = () -> {};

        /** Restores the context that was current before. */
        @Override
        void close();
    }

    /**
     * An HTTP attempt about to be sent.
     *
     * @param endpoint the method and path template, for example {@code GET /v1/runs/{id}}
     * @param attempt 1 for the first attempt of a call, 2 for its first retry, and so on
     * @param headers adds a header to the request; only during {@link #startHttpAttempt}
     */
    record HttpStart(String endpoint, int attempt, BiConsumer<String, String> headers) {

        /** Checks the values. */
        public HttpStart {
            Objects.requireNonNull(endpoint, "endpoint");
            Objects.requireNonNull(headers, "headers");
        }

        /**
         * Returns the method.
         *
         * @return for example {@code GET}
         */
        public String method() {
            int space = endpoint.indexOf(' ');
            return space < 0 ? endpoint : endpoint.substring(0, space);
        }

        /**
         * Returns the path template.
         *
         * @return for example {@code /v1/runs/{id}}; never an id
         */
        public String pathTemplate() {
            int space = endpoint.indexOf(' ');
            return space < 0 ? "" : endpoint.substring(space + 1);
        }
    }

    /**
     * A run about to be created.
     *
     * @param modelId the model, for example {@code runflow/flux-pro-ultra}; bounded by the catalog
     * @param traceContext stores a trace context field (for example {@code traceparent}) in the run's
     *     metadata; only during {@link #startRun}
     */
    record RunStart(String modelId, BiConsumer<String, String> traceContext) {

        /** Checks the values. */
        public RunStart {
            Objects.requireNonNull(modelId, "modelId");
            Objects.requireNonNull(traceContext, "traceContext");
        }
    }

    /**
     * How a run's work ended.
     *
     * @param runId the run; an id, so never a metric tag; empty when the create failed
     * @param status the last status seen; {@link RunStatus#UNKNOWN} when none was
     * @param endedBy what ended it
     */
    record RunEnd(String runId, RunStatus status, EndedBy endedBy) {

        /** Checks the values. */
        public RunEnd {
            Objects.requireNonNull(runId, "runId");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(endedBy, "endedBy");
        }

        /** What ended a run's work. */
        public enum EndedBy {
            /** The create failed; no run exists. */
            CREATE_FAILED,
            /** A wait's poll saw the end. */
            POLL,
            /** A verified callback offered to {@link RunflowClient#callbacks()}. */
            CALLBACK,
            /** The state a wait started from was already final. */
            KNOWN_STATE,
            /** A wait's deadline passed first; the run goes on, unobserved. */
            DEADLINE,
            /** The caller cancelled the wait, or the client was closed. */
            CALLER,
            /** Too many runs were open at once (10,000); this one was not followed past its create. */
            UNTRACKED
        }
    }

    /**
     * A webhook request whose signature has been checked.
     *
     * @param kind what the verified body is; {@link Kind#NONE} for a rejected request
     * @param traceContext returns a trace context field (for example {@code traceparent}) stored by
     *     the run's create, or {@code null}; always {@code null} for a rejected request
     */
    record WebhookStart(Kind kind, Function<String, String> traceContext) {

        /** Checks the values. */
        public WebhookStart {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(traceContext, "traceContext");
        }

        /** What a webhook request carried. */
        public enum Kind {
            /** A verified run callback. */
            RUN,
            /** A verified batch callback. */
            BATCH,
            /** Nothing verified: the request was rejected. */
            NONE
        }
    }

    /**
     * One HTTP attempt.
     *
     * @param endpoint the method and path template, for example {@code GET /v1/runs/{id}}
     * @param attempt 1 for the first attempt of a call, 2 for its first retry, and so on
     * @param status the HTTP status answered; 0 when no response came (see {@code failure})
     * @param failure why no response came; {@link Failure#NONE} when one did
     * @param duration from sending the request to having the response's status and headers, or the
     *     failure
     */
    record HttpAttempt(String endpoint, int attempt, int status, Failure failure, Duration duration) {

        /** Checks the values. */
        public HttpAttempt {
            Objects.requireNonNull(endpoint, "endpoint");
            Objects.requireNonNull(failure, "failure");
            Objects.requireNonNull(duration, "duration");
        }

        /**
         * Returns the outcome as one bounded word: the status, or the failure kind in lower case.
         *
         * @return for example {@code 200}, {@code 503} or {@code timeout}
         */
        public String outcome() {
            return failure == Failure.NONE ? Integer.toString(status) : failure.tag();
        }

        /** Why an attempt got no response. */
        public enum Failure {
            /** A response came; see {@link HttpAttempt#status()}. */
            NONE("none"),
            /** No connection could be made; the request never reached the server. */
            CONNECT("connect"),
            /** No response within the read timeout; the server may have acted on the request. */
            TIMEOUT("timeout"),
            /** The connection failed otherwise (reset, closed early); the server may have acted. */
            IO("io");

            private final String tag;

            Failure(String tag) {
                this.tag = tag;
            }

            /**
             * Returns the kind as a lower-case word, for tags.
             *
             * @return for example {@code timeout}
             */
            public String tag() {
                return tag;
            }
        }
    }

    /**
     * A retry about to be slept for.
     *
     * @param endpoint the method and path template, for example {@code POST /v1/models/{model}/runs}
     * @param failedAttempts how many attempts of the call have failed so far, 1 or more
     * @param reason what the last attempt ended with, as {@link HttpAttempt#outcome()} gives it
     * @param delay how long the SDK waits before the next attempt
     */
    record Retry(String endpoint, int failedAttempts, String reason, Duration delay) {

        /** Checks the values. */
        public Retry {
            Objects.requireNonNull(endpoint, "endpoint");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(delay, "delay");
        }
    }

    /**
     * A wait that ended.
     *
     * @param runId the run waited for; an id, so never a metric tag
     * @param outcome how it ended
     * @param endedBy what ended it
     * @param duration from the start of the wait to its end, on the client's clock
     * @param polls how many {@code GET /v1/runs/{id}} polls it made
     */
    record Wait(String runId, Outcome outcome, EndedBy endedBy, Duration duration, int polls) {

        /** Checks the values. */
        public Wait {
            Objects.requireNonNull(runId, "runId");
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(endedBy, "endedBy");
            Objects.requireNonNull(duration, "duration");
        }

        /** How a wait ended. */
        public enum Outcome {
            /** The run succeeded, fully or partially. */
            SUCCEEDED,
            /** The run failed. */
            FAILED,
            /** The run was canceled. */
            CANCELED,
            /** The wait's timeout passed first; the run goes on. */
            TIMED_OUT,
            /** Polling failed with an error that is not worth polling again for (for example 404). */
            ERROR,
            /** The caller cancelled the wait's future, or the client was closed. */
            ABANDONED
        }

        /** What ended a wait. */
        public enum EndedBy {
            /** A poll's answer. */
            POLL,
            /** A verified callback handed to {@link RunflowClient#callbacks()}. */
            CALLBACK,
            /** The state the wait was started from was already final. */
            KNOWN_STATE,
            /** The deadline. */
            DEADLINE,
            /** The caller or the client's close. */
            CALLER
        }
    }

    /**
     * A webhook request a {@code WebhookEndpoint} answered.
     *
     * @param outcome what the endpoint made of it
     * @param status the HTTP status it answered
     * @param duration from receiving the body to having the answer, listeners included
     */
    record WebhookRequest(Outcome outcome, int status, Duration duration) {

        /** Checks the values. */
        public WebhookRequest {
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(duration, "duration");
        }

        /** What a webhook endpoint made of a request. */
        public enum Outcome {
            /** A verified callback, seen for the first time, handed to the listeners (200). */
            DELIVERED,
            /** A verified callback already delivered (200, the listeners are not called again). */
            DUPLICATE,
            /** A missing, malformed or wrong signature (401). */
            UNAUTHORIZED,
            /** Signed, but not a callback (400). */
            NOT_A_CALLBACK,
            /** Over the size limit (413). */
            TOO_LARGE,
            /** A listener threw, or the de-duplication store failed (500; Runflow retries). */
            FAILED
        }
    }
}
