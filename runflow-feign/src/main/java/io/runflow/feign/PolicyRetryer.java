package io.runflow.feign;

import feign.RetryableException;
import feign.Retryer;
import io.runflow.RetryPolicy;
import io.runflow.Sleeper;
import io.runflow.errors.RunflowException;
import io.runflow.errors.RunflowIoException;
import java.time.Duration;
import java.util.Optional;

/**
 * Core's {@link RetryPolicy} as Feign's {@link Retryer}: one instance per call (Feign clones it), the
 * delay slept through the injected {@link Sleeper}. When the policy gives up, the core exception
 * itself is thrown, so callers never see Feign's wrapper.
 */
final class PolicyRetryer implements Retryer {

    private final RetryPolicy policy;
    private final Sleeper sleeper;
    private int failedAttempts;

    PolicyRetryer(RetryPolicy policy, Sleeper sleeper) {
        this.policy = policy;
        this.sleeper = sleeper;
    }

    @Override
    public void continueOrPropagate(RetryableException e) {
        RunflowException failure = Failures.toRunflow(e);
        failedAttempts++;
        Optional<Duration> delay = policy.delayBeforeRetry(failedAttempts, failure);
        if (delay.isEmpty()) {
            throw failure;
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
        return new PolicyRetryer(policy, sleeper);
    }
}
