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
