package io.runflow;

import io.runflow.model.Batch;

/** The batch waits in progress, by batch id, so that a batch callback can complete them. */
final class PendingBatchWaits extends WaitRegistry<Batch> {

    PendingBatchWaits() {
        super(Batch::id);
    }
}
