package io.runflow;

import io.runflow.model.Run;

/**
 * Remembers the runs this client created with a {@code callback_url}, so that a run whose callback
 * never arrived (the application was down for all of Runflow's attempts) can be looked up later and
 * handed to the listeners anyway. {@code io.runflow.webhook.JdbcRunLedger} keeps them in a table of
 * the application's database; {@code io.runflow.webhook.CallbackReconciler} reads them back.
 *
 * <pre>{@code
 * RunflowClient runflow = RunflowClient.builder().apiKey(key).runLedger(ledger).build();
 * }</pre>
 */
@FunctionalInterface
public interface RunLedger {

    /**
     * Records a run that was just created with a callback URL. Called on the creating thread once
     * the create answered; a ledger that throws is logged and the create still succeeds (the run
     * exists), so make it fast and let it fail loudly in its own logs.
     *
     * @param run the created run
     */
    void runCreated(Run run);
}
