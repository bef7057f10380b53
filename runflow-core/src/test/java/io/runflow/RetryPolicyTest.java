package io.runflow;

import static java.time.Duration.ofMillis;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runflow.errors.RateLimitException;
import io.runflow.errors.RunflowApiException;
import io.runflow.errors.RunflowDecodingException;
import io.runflow.errors.RunflowException;
import io.runflow.errors.RunflowIoException;
import io.runflow.model.ApiError;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private static final RunflowException UNAVAILABLE = api(503);

    @Test
    void defaultsRetryFourTimesDoublingFromOneSecond() {
        RetryPolicy policy = RetryPolicy.builder().random(() -> 0.0).build();

        assertThat(delays(policy, UNAVAILABLE)).containsExactly(ofSeconds(1), ofSeconds(2), ofSeconds(4), ofSeconds(8));
    }

    @Test
    void delaysStopGrowingAtThirtyTwoSeconds() {
        RetryPolicy policy =
                RetryPolicy.builder().maxAttempts(9).random(() -> 0.0).build();

        assertThat(delays(policy, UNAVAILABLE))
                .containsExactly(
                        ofSeconds(1),
                        ofSeconds(2),
                        ofSeconds(4),
                        ofSeconds(8),
                        ofSeconds(16),
                        ofSeconds(32),
                        ofSeconds(32),
                        ofSeconds(32));
    }

    @Test
    void jitterAddsUpToOneSecondAndNeverMore() {
        RetryPolicy half = RetryPolicy.builder().random(() -> 0.5).build();
        RetryPolicy most = RetryPolicy.builder().random(() -> 0.999).build();

        assertThat(delays(half, UNAVAILABLE))
                .containsExactly(ofMillis(1500), ofMillis(2500), ofMillis(4500), ofMillis(8500));
        assertThat(most.delayBeforeRetry(1, UNAVAILABLE)).contains(ofMillis(1999));
    }

    @Test
    void aRandomSourceOutsideZeroToOneIsAProgrammingError() {
        RetryPolicy broken = RetryPolicy.builder().random(() -> 1.0).build();

        assertThatThrownBy(() -> broken.delayBeforeRetry(1, UNAVAILABLE))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("random source must return values in [0, 1), got 1.0");
    }

    @Test
    void retriesRateLimitsServerErrorsAndIoFailures() {
        RetryPolicy policy = RetryPolicy.builder().random(() -> 0.0).build();

        assertThat(policy.delayBeforeRetry(1, api(429))).contains(ofSeconds(1));
        assertThat(policy.delayBeforeRetry(1, api(500))).contains(ofSeconds(1));
        assertThat(policy.delayBeforeRetry(1, api(599))).contains(ofSeconds(1));
        assertThat(policy.delayBeforeRetry(1, new RunflowIoException("reset", new IOException("reset"))))
                .contains(ofSeconds(1));
    }

    @Test
    void neverRetriesOtherClientErrors() {
        RetryPolicy policy = RetryPolicy.defaults();

        for (int status : new int[] {400, 401, 402, 403, 404, 409, 413, 422}) {
            assertThat(policy.delayBeforeRetry(1, api(status)))
                    .as("status %d", status)
                    .isEmpty();
        }
        assertThat(policy.delayBeforeRetry(1, new RunflowDecodingException("bad body", null)))
                .isEmpty();
    }

    @Test
    void honoursRetryAfterCappedAtTheMaximum() {
        RetryPolicy policy = RetryPolicy.builder()
                .maxRetryAfter(ofSeconds(20))
                .random(() -> 0.9)
                .build();

        assertThat(policy.delayBeforeRetry(1, rateLimited(ofSeconds(3)))).contains(ofSeconds(3));
        assertThat(policy.delayBeforeRetry(1, rateLimited(ofSeconds(600)))).contains(ofSeconds(20));
    }

    @Test
    void givesUpAfterMaxAttempts() {
        RetryPolicy policy = RetryPolicy.builder().maxAttempts(2).build();

        assertThat(policy.delayBeforeRetry(1, UNAVAILABLE)).isPresent();
        assertThat(policy.delayBeforeRetry(2, UNAVAILABLE)).isEmpty();
        assertThat(RetryPolicy.none().delayBeforeRetry(1, UNAVAILABLE)).isEmpty();
    }

    @Test
    void validatesItsSettings() {
        assertThatThrownBy(() -> RetryPolicy.builder().maxAttempts(0))
                .hasMessage("maxAttempts must be at least 1, got 0");
        assertThatThrownBy(() -> RetryPolicy.builder().initialDelay(ofSeconds(-1)))
                .hasMessage("initialDelay must not be negative, got PT-1S");
        assertThatThrownBy(() -> RetryPolicy.builder()
                        .initialDelay(ofSeconds(10))
                        .maxDelay(ofSeconds(5))
                        .build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("initialDelay PT10S must not exceed maxDelay PT5S");
    }

    @Test
    void hugeAttemptCountsDoNotOverflow() {
        RetryPolicy policy = RetryPolicy.builder()
                .maxAttempts(Integer.MAX_VALUE)
                .random(() -> 0.0)
                .build();

        assertThat(policy.delayBeforeRetry(200, UNAVAILABLE)).contains(ofSeconds(32));
    }

    private static List<Duration> delays(RetryPolicy policy, RunflowException failure) {
        List<Duration> delays = new ArrayList<>();
        for (int attempt = 1; ; attempt++) {
            Optional<Duration> delay = policy.delayBeforeRetry(attempt, failure);
            if (delay.isEmpty()) {
                return delays;
            }
            delays.add(delay.get());
        }
    }

    private static RunflowApiException api(int status) {
        return new RunflowApiException(status, new ApiError(null, null, List.of()), null, String.valueOf(status));
    }

    private static RateLimitException rateLimited(Duration retryAfter) {
        return new RateLimitException(429, new ApiError("RATE_LIMITED", "slow", List.of()), null, "429", retryAfter);
    }
}
