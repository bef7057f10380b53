package io.runflow;

import io.runflow.model.Run;

/** Records created runs in a {@link RunLedger} without letting it break the create. */
final class Ledgers {

    private static final System.Logger LOG = System.getLogger(Ledgers.class.getName());

    private Ledgers() {}

    static void record(RunLedger ledger, Run run) {
        if (ledger == null || run.callbackUrl() == null) {
            return;
        }
        try {
            ledger.runCreated(run);
        } catch (RuntimeException e) {
            // The run exists: failing the create would make the caller create another. Its callback
            // still comes; only the catch-up after an outage is lost for it, so say so loudly.
            LOG.log(
                    System.Logger.Level.ERROR,
                    "Run " + run.id() + " was created but not recorded in the run ledger; if its callback is"
                            + " missed, it will not be reconciled",
                    e);
        }
    }
}
