package io.runflow.errors;

import io.runflow.model.Run;

/** The run was canceled before it finished. */
public final class RunCanceledException extends RunWaitException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param run the canceled run
     */
    public RunCanceledException(Run run) {
        super("run " + run.id() + " was canceled", run);
    }
}
