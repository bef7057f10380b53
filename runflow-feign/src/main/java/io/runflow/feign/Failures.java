package io.runflow.feign;

import feign.FeignException;
import io.runflow.errors.RunflowException;
import io.runflow.errors.RunflowIoException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;

/** Turns what Feign throws into core's exceptions, with messages free of URLs and secrets. */
final class Failures {

    private Failures() {}

    /**
     * Returns the core exception a Feign exception stands for.
     *
     * @param e what Feign threw
     * @return the core exception inside it, or a {@link RunflowIoException} for a transport failure
     */
    static RunflowException toRunflow(FeignException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof RunflowException) {
                return (RunflowException) cause;
            }
        }
        String endpoint = Endpoints.of(e.request());
        Throwable cause = e.getCause();
        if (cause instanceof IOException) {
            String message = endpoint + ": " + describe(cause);
            return neverSent(cause)
                    ? RunflowIoException.neverSent(message, cause)
                    : new RunflowIoException(message, cause);
        }
        // Feign's own message quotes the full URL; keep only the endpoint and the kind of failure.
        return new RunflowIoException(
                endpoint + ": " + (cause == null ? e.getClass().getSimpleName() : describe(cause)), e);
    }

    /**
     * Tells whether the client failed before a connection existed, so no byte of the request reached
     * the server: refused, connect timeout, unresolved host. Anything later (read timeout, reset, EOF)
     * may follow a request the server received and applied.
     */
    private static boolean neverSent(Throwable cause) {
        return cause instanceof ConnectException
                || cause instanceof HttpConnectTimeoutException
                || cause instanceof UnknownHostException;
    }

    private static String describe(Throwable cause) {
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }
}
