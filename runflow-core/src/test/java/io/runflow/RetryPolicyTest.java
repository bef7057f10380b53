package io.runflow;

import static java.time.Duration.ofMillis;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runflow.RetryPolicy.Replay;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RetryPolicyTest {

    private static final RunflowException UNAVAILABLE = api(503);
    private static final RunflowIoException RESET = new RunflowIoException("reset", new IOException("reset"));
    private static final RunflowIoException REFUSED =
            RunflowIoException.neverSent("refused", new java.net.ConnectException("refused"));

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

    @Test
    void theTwoArgumentDecisionIsTheDecisionForReplaySafeCalls() {
        RetryPolicy policy = RetryPolicy.builder().random(() -> 0.0).build();

        for (RunflowException failure : List.of(UNAVAILABLE, RESET, REFUSED, api(429), api(404))) {
            for (int attempt = 1; attempt <= 5; attempt++) {
                assertThat(policy.delayBeforeRetry(attempt, failure))
                        .as("%s, attempt %d", failure.getMessage(), attempt)
                        .isEqualTo(policy.delayBeforeRetry(attempt, failure, Replay.SAFE));
            }
        }
    }

    @Test
    void replaySafeCallsRetryAmbiguousFailures() {
        RetryPolicy policy = RetryPolicy.builder().random(() -> 0.0).build();

        assertThat(policy.delayBeforeRetry(1, api(500), Replay.SAFE)).contains(ofSeconds(1));
        assertThat(policy.delayBeforeRetry(1, api(599), Replay.SAFE)).contains(ofSeconds(1));
        assertThat(policy.delayBeforeRetry(1, RESET, Replay.SAFE)).contains(ofSeconds(1));
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503, 504, 599})
    void replayUnsafeCallsNeverRetryServerErrors(int status) {
        assertThat(RetryPolicy.defaults().delayBeforeRetry(1, api(status), Replay.UNSAFE))
                .isEmpty();
    }

    @Test
    void replayUnsafeCallsNeverRetryAnIoFailureThatMayHaveReachedTheServer() {
        assertThat(RetryPolicy.defaults().delayBeforeRetry(1, RESET, Replay.UNSAFE))
                .isEmpty();
    }

    @Test
    void replayUnsafeCallsRetryAnIoFailureThatNeverReachedTheServerUpToMaxAttempts() {
        RetryPolicy policy = RetryPolicy.builder().random(() -> 0.0).build();

        assertThat(delays(policy, REFUSED, Replay.UNSAFE))
                .containsExactly(ofSeconds(1), ofSeconds(2), ofSeconds(4), ofSeconds(8));
    }

    @Test
    void replayUnsafeCallsRetryRateLimitsHonouringRetryAfter() {
        RetryPolicy policy = RetryPolicy.builder()
                .maxRetryAfter(ofSeconds(20))
                .random(() -> 0.0)
                .build();

        assertThat(delays(policy, api(429), Replay.UNSAFE))
                .containsExactly(ofSeconds(1), ofSeconds(2), ofSeconds(4), ofSeconds(8));
        assertThat(policy.delayBeforeRetry(1, rateLimited(ofSeconds(3)), Replay.UNSAFE))
                .contains(ofSeconds(3));
        assertThat(policy.delayBeforeRetry(1, rateLimited(ofSeconds(600)), Replay.UNSAFE))
                .contains(ofSeconds(20));
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 404, 409, 422, 428, 430, 499, 600})
    void neitherKindOfCallRetriesStatusesOutsideRateLimitAndServerErrors(int status) {
        RetryPolicy policy = RetryPolicy.defaults();

        assertThat(policy.delayBeforeRetry(1, api(status), Replay.SAFE)).isEmpty();
        assertThat(policy.delayBeforeRetry(1, api(status), Replay.UNSAFE)).isEmpty();
    }

    @Test
    void isRetryableFollowsTheDecisionTable() {
        assertThat(RetryPolicy.isRetryable(api(429), Replay.UNSAFE)).isTrue();
        assertThat(RetryPolicy.isRetryable(REFUSED, Replay.UNSAFE)).isTrue();
        assertThat(RetryPolicy.isRetryable(api(503), Replay.UNSAFE)).isFalse();
        assertThat(RetryPolicy.isRetryable(RESET, Replay.UNSAFE)).isFalse();
        assertThat(RetryPolicy.isRetryable(api(503), Replay.SAFE)).isTrue();
        assertThat(RetryPolicy.isRetryable(RESET, Replay.SAFE)).isTrue();
        assertThat(RetryPolicy.isRetryable(RESET)).isTrue();
        assertThat(RetryPolicy.isRetryable(new RunflowDecodingException("bad body", null), Replay.SAFE))
                .isFalse();
    }

    @Test
    void ambiguousFailuresAreServerErrorsAndIoFailuresThatMayHaveReachedTheServer() {
        assertThat(RetryPolicy.isAmbiguous(api(499))).isFalse();
        assertThat(RetryPolicy.isAmbiguous(api(500))).isTrue();
        assertThat(RetryPolicy.isAmbiguous(api(599))).isTrue();
        assertThat(RetryPolicy.isAmbiguous(api(600))).isFalse();
        assertThat(RetryPolicy.isAmbiguous(api(429))).isFalse();
        assertThat(RetryPolicy.isAmbiguous(RESET)).isTrue();
        assertThat(RetryPolicy.isAmbiguous(REFUSED)).isFalse();
        assertThat(RetryPolicy.isAmbiguous(new RunflowDecodingException("bad body", null)))
                .isFalse();
    }

    @Test
    void replayUnsafeCallsStillGiveUpAfterMaxAttempts() {
        RetryPolicy policy = RetryPolicy.builder().maxAttempts(2).build();

        assertThat(policy.delayBeforeRetry(1, REFUSED, Replay.UNSAFE)).isPresent();
        assertThat(policy.delayBeforeRetry(2, REFUSED, Replay.UNSAFE)).isEmpty();
    }

    @Test
    void replayIsRequired() {
        assertThatThrownBy(() -> RetryPolicy.defaults().delayBeforeRetry(1, UNAVAILABLE, null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("replay");
        assertThatThrownBy(() -> RetryPolicy.isRetryable(UNAVAILABLE, null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("replay");
    }

    @Test
    void aFailedAttemptCountBelowOneIsAProgrammingError() {
        assertThatThrownBy(() -> RetryPolicy.defaults().delayBeforeRetry(0, UNAVAILABLE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("failedAttempts must be at least 1, got 0");
    }

    @Test
    void aZeroInitialDelayRetriesAtOnceEveryTime() {
        RetryPolicy policy = RetryPolicy.builder()
                .initialDelay(Duration.ZERO)
                .maxJitter(Duration.ZERO)
                .build();

        assertThat(delays(policy, UNAVAILABLE))
                .containsExactly(Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO);
    }

    @Test
    void aSingleAttemptAndAnInitialDelayEqualToTheCapAreAllowed() {
        RetryPolicy policy = RetryPolicy.builder()
                .maxAttempts(1)
                .initialDelay(ofSeconds(3))
                .maxDelay(ofSeconds(3))
                .build();

        assertThat(policy.maxAttempts()).isEqualTo(1);
        assertThat(policy.delayBeforeRetry(1, UNAVAILABLE)).isEmpty();
        assertThat(RetryPolicy.builder()
                        .maxAttempts(3)
                        .initialDelay(ofSeconds(3))
                        .maxDelay(ofSeconds(3))
                        .maxJitter(Duration.ZERO)
                        .build()
                        .delayBeforeRetry(2, UNAVAILABLE))
                .contains(ofSeconds(3));
    }

    @Test
    void readsBackItsSettingsAndTheDefaults() {
        RetryPolicy policy = RetryPolicy.builder()
                .maxAttempts(7)
                .initialDelay(ofMillis(250))
                .maxDelay(ofSeconds(4))
                .maxJitter(ofMillis(100))
                .maxRetryAfter(ofSeconds(9))
                .build();

        assertThat(policy.maxAttempts()).isEqualTo(7);
        assertThat(policy.initialDelay()).isEqualTo(ofMillis(250));
        assertThat(policy.maxDelay()).isEqualTo(ofSeconds(4));
        assertThat(policy.maxJitter()).isEqualTo(ofMillis(100));
        assertThat(policy.maxRetryAfter()).isEqualTo(ofSeconds(9));
        assertThat(policy)
                .hasToString("RetryPolicy[maxAttempts=7, initialDelay=PT0.25S, maxDelay=PT4S, maxJitter=PT0.1S,"
                        + " maxRetryAfter=PT9S]");
        assertThat(RetryPolicy.defaults())
                .hasToString("RetryPolicy[maxAttempts=5, initialDelay=PT1S, maxDelay=PT32S, maxJitter=PT1S,"
                        + " maxRetryAfter=PT1M]");
        assertThat(RetryPolicy.none().maxAttempts()).isEqualTo(1);
    }

    @Test
    void theJitterBoundScalesTheDraw() {
        RetryPolicy policy = RetryPolicy.builder()
                .maxJitter(ofMillis(400))
                .random(() -> 0.25)
                .build();

        assertThat(delays(policy, UNAVAILABLE))
                .containsExactly(ofMillis(1100), ofMillis(2100), ofMillis(4100), ofMillis(8100));
    }

    @Test
    void theDefaultRandomSourceSpreadsTheDelayWithinTheJitterBound() {
        RetryPolicy policy = RetryPolicy.defaults();
        List<Duration> firstRetries = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            firstRetries.add(policy.delayBeforeRetry(1, UNAVAILABLE).orElseThrow());
        }

        // The jitter is drawn from [0, 1 s): every delay is at least 1 s and under 2 s.
        assertThat(firstRetries)
                .allSatisfy(delay ->
                        assertThat(delay).isGreaterThanOrEqualTo(ofSeconds(1)).isLessThan(ofSeconds(2)));
        // 50 draws of ThreadLocalRandom that all land within 1 ns of each other do not happen.
        assertThat(firstRetries.stream().distinct().count()).isGreaterThan(1);
    }

    @Test
    void aRetryAfterExactlyAtTheCapIsHonouredAsIs() {
        RetryPolicy policy = RetryPolicy.builder().maxRetryAfter(ofSeconds(20)).build();

        assertThat(policy.delayBeforeRetry(1, rateLimited(ofSeconds(20)))).contains(ofSeconds(20));
        assertThat(policy.delayBeforeRetry(1, rateLimited(ofMillis(20_001)))).contains(ofSeconds(20));
    }

    @Test
    void finalFailureRewordsOnlyAmbiguousFailuresOfUnsafeCalls() {
        assertThat(RetryPolicy.finalFailure(UNAVAILABLE, Replay.SAFE, "POST /v1/callback-secrets"))
                .isSameAs(UNAVAILABLE);
        assertThat(RetryPolicy.finalFailure(REFUSED, Replay.UNSAFE, "POST /v1/callback-secrets"))
                .isSameAs(REFUSED);
        assertThat(RetryPolicy.finalFailure(RESET, Replay.UNSAFE, "POST /v1/callback-secrets"))
                .isExactlyInstanceOf(RunflowIoException.class)
                .hasMessage("reset; not retried: the request may have been applied, check before repeating it");
    }

    private static List<Duration> delays(RetryPolicy policy, RunflowException failure) {
        return delays(policy, failure, Replay.SAFE);
    }

    private static List<Duration> delays(RetryPolicy policy, RunflowException failure, Replay replay) {
        List<Duration> delays = new ArrayList<>();
        for (int attempt = 1; ; attempt++) {
            Optional<Duration> delay = policy.delayBeforeRetry(attempt, failure, replay);
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
