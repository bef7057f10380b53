package io.runflow.feign;

import feign.RetryableException;
import feign.Retryer;
import io.runflow.RetryPolicy;
import io.runflow.RetryPolicy.Replay;
import io.runflow.RunflowObserver;
import io.runflow.Sleeper;
import io.runflow.errors.RunflowException;
import io.runflow.errors.RunflowIoException;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Core's {@link RetryPolicy} as Feign's {@link Retryer}: one instance per call (Feign clones it), the
 * delay reported to the observer, then slept through the injected {@link Sleeper}. Each request's {@link Replay} comes from {@link
 * Endpoints#replay}, so an ambiguous failure of an unsafe {@code POST} is not retried. When the policy
 * gives up (or a {@code withOptions} view's {@code maxRetries} are spent: {@link CallScope}), the core exception is thrown (never Feign's wrapper); for an ambiguous failure of an
 * unsafe call, one of the same type saying that the request may have been applied ({@link
 * RetryPolicy#finalFailure}).
 */
final class PolicyRetryer implements Retryer {

    /** One INFO line per retry, so a slow call is never silent: {@code io.runflow.feign.RunflowFeign}. */
    private static final Logger LOG = LoggerFactory.getLogger(RunflowFeign.class);

    private final RetryPolicy policy;
    private final Sleeper sleeper;
    private final RunflowObserver observer;
    private int failedAttempts;

    PolicyRetryer(RetryPolicy policy, Sleeper sleeper, RunflowObserver observer) {
        this.policy = policy;
        this.sleeper = sleeper;
        this.observer = observer;
    }

    @Override
    public void continueOrPropagate(RetryableException e) {
        RunflowException failure = Failures.toRunflow(e);
        Replay replay = Endpoints.replay(e.request());
        failedAttempts++;
        int maxAttempts = maxAttempts();
        Optional<Duration> delay = failedAttempts >= maxAttempts
                ? Optional.empty()
                : policy.delayBeforeRetry(failedAttempts, failure, replay);
        if (delay.isEmpty()) {
            throw RetryPolicy.finalFailure(failure, replay, Endpoints.of(e.request()));
        }
        if (LOG.isInfoEnabled()) {
            LOG.info(
                    "retrying {} in {} after {} (attempt {} of {})",
                    Endpoints.of(e.request()),
                    seconds(delay.get()),
                    FailureKinds.retryReason(failure),
                    failedAttempts + 1,
                    maxAttempts);
        }
        if (observer != RunflowObserver.noop()) {
            observer.onRetry(new RunflowObserver.Retry(
                    Endpoints.of(e.request()), failedAttempts, FailureKinds.reason(failure), delay.get()));
        }
        try {
            sleeper.sleep(delay.get());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            RunflowIoException stopped = new RunflowIoException(
                    Endpoints.of(e.request()) + ": interrupted while waiting to retry", interrupted);
            stopped.addSuppressed(failure);
            throw stopped;
        }
    }

    /** The policy's attempts, or those of a {@code withOptions} view's {@code maxRetries}. */
    private int maxAttempts() {
        CallScope scope = CallScope.current();
        if (scope == null || scope.options == null || scope.options.maxRetries().isEmpty()) {
            return policy.maxAttempts();
        }
        return scope.options.maxRetries().getAsInt() + 1;
    }

    /** {@code 250 ms}, {@code 2 s}, {@code 1.5 s}: what a person reads at a glance. */
    static String seconds(Duration delay) {
        long millis = delay.toMillis();
        if (millis < 1000) {
            return millis + " ms";
        }
        return millis % 1000 == 0
                ? millis / 1000 + " s"
                : java.math.BigDecimal.valueOf(millis, 3).setScale(1, java.math.RoundingMode.HALF_UP) + " s";
    }

    @Override
    public Retryer clone() {
        return new PolicyRetryer(policy, sleeper, observer);
    }
}
