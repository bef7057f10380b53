package io.runflow.errors;

import io.runflow.model.Run;
import java.util.Objects;

/**
 * A wait for a run ended without a usable result. Carries the last {@link Run} seen, so callers can
 * read its status, failure and metadata.
 */
public abstract class RunWaitException extends RunflowException {

    private static final long serialVersionUID = 1L;

    private final transient Run run;

    RunWaitException(String message, Run run) {
        super(message);
        this.run = Objects.requireNonNull(run, "run");
    }

    /**
     * Returns the last state of the run that was seen.
     *
     * @return the run
     */
    public Run run() {
        return run;
    }
}
