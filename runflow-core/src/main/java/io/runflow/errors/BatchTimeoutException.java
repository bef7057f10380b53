package io.runflow.errors;

import io.runflow.model.Batch;
import io.runflow.model.RunStatus;
import java.time.Duration;
import java.util.Objects;

/**
 * A wait for a batch passed its deadline before every item finished. The batch goes on; wait again or
 * check it later. Carries the last {@link Batch} seen.
 */
public final class BatchTimeoutException extends RunflowException {

    private static final long serialVersionUID = 1L;

    private final transient Batch batch;
    private final Duration timeout;

    /**
     * Creates the exception.
     *
     * @param batch the last state seen
     * @param timeout how long the wait lasted
     */
    public BatchTimeoutException(Batch batch, Duration timeout) {
        super(message(batch, timeout));
        this.batch = Objects.requireNonNull(batch, "batch");
        this.timeout = timeout;
    }

    /**
     * Returns the last state of the batch that was seen.
     *
     * @return the batch
     */
    public Batch batch() {
        return batch;
    }

    /**
     * Returns how long the wait lasted.
     *
     * @return the wait's timeout
     */
    public Duration timeout() {
        return timeout;
    }

    private static String message(Batch batch, Duration timeout) {
        String base = "batch " + batch.id() + " did not finish within " + timeout + " (" + batch.itemsPending() + " of "
                + batch.itemsTotal() + " items pending); last status ";
        if (batch.status() == RunStatus.UNKNOWN) {
            return base + "'" + batch.statusCode() + "' is not one this SDK knows (upgrade runflow-java?)";
        }
        return base + "was '" + batch.status().value() + "'";
    }
}
