package io.runflow;

import io.runflow.model.Run;

/** The run waits in progress, by run id, so that a run callback can complete every wait on its run. */
final class PendingWaits extends WaitRegistry<Run> {

    PendingWaits() {
        super(Run::id);
    }
}
