package io.runflow.feign;

import io.runflow.RunflowObserver.HttpAttempt.Failure;
import io.runflow.errors.RunflowApiException;
import io.runflow.errors.RunflowException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.Locale;

/** Names what went wrong with an attempt in the observer's bounded words. */
final class FailureKinds {

    private FailureKinds() {}

    /**
     * Classifies an I/O failure by its cause chain.
     *
     * @param failure what the HTTP client threw
     * @return {@code CONNECT} when no connection was made (refused, connect timeout, no route,
     *     unresolved host: no byte of the request reached the server), {@code TIMEOUT} for a read
     *     timeout, else {@code IO}
     */
    static Failure of(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpConnectTimeoutException
                    || cause instanceof ConnectException
                    || cause instanceof NoRouteToHostException
                    || cause instanceof UnknownHostException) {
                return Failure.CONNECT;
            }
            if (cause instanceof HttpTimeoutException || cause instanceof SocketTimeoutException) {
                return Failure.TIMEOUT;
            }
        }
        return Failure.IO;
    }

    /**
     * Says in words what went wrong, for messages and logs: {@code connection refused}, {@code
     * connect timed out}, {@code timed out}, {@code unknown host}, {@code no route to host}, {@code
     * connection reset}, {@code connection closed without an answer}; anything else as its type and message.
     *
     * @param failure what the HTTP client threw
     * @return the words
     */
    static String words(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpConnectTimeoutException) {
                return "connect timed out";
            } else if (cause instanceof ConnectException) {
                return "connection refused";
            } else if (cause instanceof UnknownHostException) {
                return "unknown host";
            } else if (cause instanceof NoRouteToHostException) {
                return "no route to host";
            } else if (cause instanceof HttpTimeoutException || cause instanceof SocketTimeoutException) {
                return "timed out";
            }
            String message =
                    cause.getMessage() == null ? "" : cause.getMessage().toLowerCase(Locale.ROOT);
            if (message.contains("connection reset")) {
                return "connection reset";
            } else if (message.contains("received no bytes")) {
                // The JDK client's words for a connection closed before the answer's first byte.
                return "connection closed without an answer";
            }
        }
        String message = failure.getMessage();
        return failure.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }

    /**
     * Describes a retry's reason in words: {@code HTTP 503} for an answer, else {@link #words}.
     *
     * @param failure the core exception the attempt ended with
     * @return the words
     */
    static String retryReason(RunflowException failure) {
        if (failure instanceof RunflowApiException) {
            return "HTTP " + ((RunflowApiException) failure).status();
        }
        return failure.getCause() == null ? failure.getMessage() : words(failure.getCause());
    }

    /**
     * Describes a failed call as {@link io.runflow.RunflowObserver.HttpAttempt#outcome()} does.
     *
     * @param failure the core exception the attempt ended with
     * @return the status for an API error, else the failure kind
     */
    static String reason(RunflowException failure) {
        if (failure instanceof RunflowApiException) {
            return Integer.toString(((RunflowApiException) failure).status());
        }
        return of(failure).tag();
    }
}
