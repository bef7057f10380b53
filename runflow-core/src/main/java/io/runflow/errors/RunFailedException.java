package io.runflow.errors;

import io.runflow.model.Run;

/** The run finished {@code failed}. {@link #run()}{@code .failure()} says why. */
public final class RunFailedException extends RunWaitException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param run the failed run
     */
    public RunFailedException(Run run) {
        super(
                "run " + run.id() + " failed: "
                        + (run.failure() == null
                                ? "no failure details given"
                                : run.failure().describe()),
                run);
    }
}
