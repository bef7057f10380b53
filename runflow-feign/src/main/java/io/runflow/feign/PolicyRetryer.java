package io.runflow.feign;

import feign.RetryableException;
import feign.Retryer;
import io.runflow.RetryPolicy;
import io.runflow.RunflowObserver;
import io.runflow.Sleeper;
import io.runflow.errors.RunflowException;
import io.runflow.errors.RunflowIoException;
import java.time.Duration;
import java.util.Optional;

/**
 * Core's {@link RetryPolicy} as Feign's {@link Retryer}: one instance per call (Feign clones it), the
 * delay slept through the injected {@link Sleeper} and reported to the observer first. When the policy gives up, the core exception
 * itself is thrown, so callers never see Feign's wrapper.
 */
final class PolicyRetryer implements Retryer {

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
        failedAttempts++;
        Optional<Duration> delay = policy.delayBeforeRetry(failedAttempts, failure);
        if (delay.isEmpty()) {
            throw failure;
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

    @Override
    public Retryer clone() {
        return new PolicyRetryer(policy, sleeper, observer);
    }
}
