package io.runflow.errors;

import io.runflow.model.Run;
import io.runflow.model.RunStatus;
import java.time.Duration;

/**
 * The run did not reach a terminal state before the wait's deadline. The run itself goes on; wait
 * again or check it later.
 */
public final class RunTimeoutException extends RunWaitException {

    private static final long serialVersionUID = 1L;

    private final Duration timeout;

    /**
     * Creates the exception.
     *
     * @param run the last state seen
     * @param timeout how long the wait lasted
     */
    public RunTimeoutException(Run run, Duration timeout) {
        super(message(run, timeout), run);
        this.timeout = timeout;
    }

    /**
     * Returns how long the wait lasted.
     *
     * @return the wait's timeout
     */
    public Duration timeout() {
        return timeout;
    }

    private static String message(Run run, Duration timeout) {
        String base = "run " + run.id() + " did not finish within " + timeout + "; last status ";
        if (run.status() == RunStatus.UNKNOWN) {
            return base + "'" + run.statusCode() + "' is not one this SDK knows (upgrade runflow-java?)";
        }
        return base + "was '" + run.status().value() + "'";
    }
}
