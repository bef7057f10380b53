package io.runflow;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

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
