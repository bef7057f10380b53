package io.runflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.runflow.RetryPolicy.Replay;
import io.runflow.errors.RateLimitException;
import io.runflow.errors.RunflowApiException;
import io.runflow.errors.RunflowException;
import io.runflow.errors.RunflowIoException;
import io.runflow.errors.ServerException;
import io.runflow.model.ApiError;
import java.io.IOException;
import java.net.ConnectException;
import java.util.List;
import org.junit.jupiter.api.Test;

class NotRetriedTest {

    private static final String ENDPOINT = "POST /v1/callback-secrets";
    private static final ApiError UNAVAILABLE_ERROR = new ApiError("SERVICE_UNAVAILABLE", "down", List.of());
    private static final ServerException UNAVAILABLE =
            new ServerException(503, UNAVAILABLE_ERROR, "req_1", "503 SERVICE_UNAVAILABLE: down (request-id: req_1)");

    @Test
    void aServerErrorOfAnUnsafeCallKeepsItsTypeAndFieldsAndSaysItMayHaveBeenApplied() {
        RunflowException thrown = NotRetried.exception(UNAVAILABLE, Replay.UNSAFE, ENDPOINT);

        assertThat(thrown).isExactlyInstanceOf(ServerException.class);
        ServerException e = (ServerException) thrown;
        assertThat(e)
                .hasMessage("POST /v1/callback-secrets: 503 SERVICE_UNAVAILABLE: down (request-id: req_1); not retried:"
                        + " the request may have been applied, check before repeating it");
        assertThat(e.status()).isEqualTo(503);
        assertThat(e.error()).isEqualTo(UNAVAILABLE_ERROR);
        assertThat(e.requestId()).contains("req_1");
    }

    @Test
    void anotherApiExceptionWithAServerStatusStaysAnApiException() {
        RunflowApiException odd =
                new RunflowApiException(599, UNAVAILABLE_ERROR, null, "599 SERVICE_UNAVAILABLE: down");

        RunflowException thrown = NotRetried.exception(odd, Replay.UNSAFE, ENDPOINT);

        assertThat(thrown)
                .isExactlyInstanceOf(RunflowApiException.class)
                .hasMessage(
                        "POST /v1/callback-secrets: 599 SERVICE_UNAVAILABLE: down; not retried: the request may have"
                                + " been applied, check before repeating it");
        assertThat(((RunflowApiException) thrown).requestId()).isEmpty();
    }

    @Test
    void anIoFailureOfAnUnsafeCallKeepsItsCauseAndSaysItMayHaveBeenApplied() {
        IOException cause = new IOException("connection reset");
        RunflowIoException reset = new RunflowIoException(ENDPOINT + ": IOException: connection reset", cause);

        RunflowException thrown = NotRetried.exception(reset, Replay.UNSAFE, ENDPOINT);

        assertThat(thrown)
                .isExactlyInstanceOf(RunflowIoException.class)
                .hasMessage("POST /v1/callback-secrets: IOException: connection reset; not retried: the request may"
                        + " have been applied, check before repeating it")
                .hasCause(cause);
        assertThat(((RunflowIoException) thrown).mayHaveReachedServer()).isTrue();
    }

    @Test
    void aReplaySafeCallThrowsTheFailureItself() {
        assertThat(NotRetried.exception(UNAVAILABLE, Replay.SAFE, ENDPOINT)).isSameAs(UNAVAILABLE);
    }

    @Test
    void failuresThatWereNotAppliedAreThrownThemselves() {
        RunflowIoException refused =
                RunflowIoException.neverSent(ENDPOINT + ": ConnectException", new ConnectException());
        RateLimitException limited =
                new RateLimitException(429, new ApiError("RATE_LIMITED", "slow", List.of()), null, "429", null);

        assertThat(NotRetried.exception(refused, Replay.UNSAFE, ENDPOINT)).isSameAs(refused);
        assertThat(NotRetried.exception(limited, Replay.UNSAFE, ENDPOINT)).isSameAs(limited);
    }
}
