package io.runflow.feign;

import feign.FeignException;
import io.runflow.RunflowObserver.HttpAttempt.Failure;
import io.runflow.errors.RunflowException;
import io.runflow.errors.RunflowIoException;
import java.io.IOException;

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
        String endpoint = Endpoints.sent(e.request());
        Throwable cause = e.getCause();
        if (cause instanceof IOException) {
            String message = endpoint + ": " + FailureKinds.words(cause);
            // A connect failure means no byte of the request reached the server: safe to send again.
            return FailureKinds.of(cause) == Failure.CONNECT
                    ? RunflowIoException.neverSent(message, cause)
                    : new RunflowIoException(message, cause);
        }
        // Feign's own message quotes the full URL; keep only the endpoint and the kind of failure.
        return new RunflowIoException(
                endpoint + ": " + (cause == null ? e.getClass().getSimpleName() : FailureKinds.words(cause)), e);
    }
}
