package io.runflow.feign;

import feign.Response;
import feign.RetryableException;
import feign.codec.ErrorDecoder;
import io.runflow.RetryPolicy;
import io.runflow.errors.RunflowApiException;
import io.runflow.internal.json.ApiErrors;
import java.io.IOException;

/**
 * Turns every non-2xx response into core's exception through {@link ApiErrors#toException}. Those
 * the {@link RetryPolicy} may retry (429, 5xx) travel wrapped in a {@link RetryableException} so that
 * Feign hands them to {@link PolicyRetryer}, which unwraps them again.
 */
final class RunflowErrorDecoder implements ErrorDecoder {

    private final String apiKey;

    /** Masks only secret-shaped values in error messages, not knowing the key. */
    RunflowErrorDecoder() {
        this(null);
    }

    /**
     * Masks the key too, wherever an answer echoes it.
     *
     * @param apiKey the key the requests carry, or {@code null}
     */
    RunflowErrorDecoder(String apiKey) {
        this.apiKey = apiKey;
    }

    @Override
    public Exception decode(String methodKey, Response response) {
        byte[] body;
        try {
            body = AnswerBody.read(response);
        } catch (IOException e) {
            return new RetryableException(
                    -1,
                    Endpoints.of(response.request()) + ": " + e.getClass().getSimpleName(),
                    response.request().httpMethod(),
                    e,
                    (Long) null,
                    response.request());
        }
        RunflowApiException failure = ApiErrors.toException(
                response.status(), response.headers(), body, apiKey, Endpoints.endpoint(response.request()));
        if (RetryPolicy.isRetryable(failure)) {
            return new RetryableException(
                    response.status(),
                    failure.getMessage(),
                    response.request().httpMethod(),
                    failure,
                    (Long) null,
                    response.request());
        }
        return failure;
    }
}
