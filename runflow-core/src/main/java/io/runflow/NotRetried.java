package io.runflow;

import io.runflow.RetryPolicy.Replay;
import io.runflow.errors.RunflowApiException;
import io.runflow.errors.RunflowException;
import io.runflow.errors.RunflowIoException;
import io.runflow.errors.ServerException;
import java.util.Objects;

/**
 * What a transport throws once the {@link RetryPolicy} gives up, so every transport words an
 * ambiguous failure of an unsafe call the same way. Reached through {@link
 * RetryPolicy#finalFailure}.
 */
final class NotRetried {

    /** The sentence that ends the message of an ambiguous failure of an {@link Replay#UNSAFE} call. */
    static final String MAY_HAVE_BEEN_APPLIED =
            "not retried: the request may have been applied, check before repeating it";

    private NotRetried() {}

    /**
     * Returns the exception to throw for the last failure of a call.
     *
     * <p>For an {@linkplain RetryPolicy#isAmbiguous ambiguous} failure of an {@link Replay#UNSAFE} call,
     * a new exception of the same type (so existing {@code catch} blocks still apply) whose message
     * ends {@code "; not retried: the request may have been applied, check before repeating it"}. An
     * API exception's message gains the endpoint in front, as an I/O exception's already has it.
     * Otherwise {@code failure} itself.
     *
     * @param failure the last failure
     * @param replay whether the call was safe to repeat
     * @param endpoint the endpoint template, e.g. {@code POST /v1/callback-secrets}; never a full URL
     * @return the exception to throw
     */
    static RunflowException exception(RunflowException failure, Replay replay, String endpoint) {
        Objects.requireNonNull(failure, "failure");
        Objects.requireNonNull(replay, "replay");
        Objects.requireNonNull(endpoint, "endpoint");
        if (replay == Replay.SAFE || !RetryPolicy.isAmbiguous(failure)) {
            return failure;
        }
        if (failure instanceof RunflowIoException) {
            return new RunflowIoException(failure.getMessage() + "; " + MAY_HAVE_BEEN_APPLIED, failure.getCause());
        }
        RunflowApiException api = (RunflowApiException) failure;
        String message = endpoint + ": " + api.getMessage() + "; " + MAY_HAVE_BEEN_APPLIED;
        String requestId = api.requestId().orElse(null);
        if (api instanceof ServerException) {
            return new ServerException(api.status(), api.error(), requestId, message);
        }
        return new RunflowApiException(api.status(), api.error(), requestId, message);
    }
}
