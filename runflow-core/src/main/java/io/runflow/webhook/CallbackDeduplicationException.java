package io.runflow.webhook;

import io.runflow.errors.RunflowException;

/**
 * A {@link CallbackDeduplicator} could not reach its shared store, so it cannot tell whether a
 * delivery is the first: the database is down, a connection could not be had from the pool, the
 * table is missing, or any other store failure. It is never turned into a silent {@code true} or
 * {@code false}, which would deliver a callback twice or drop it.
 *
 * <p>A webhook endpoint answers {@code 500} for it, so Runflow delivers the callback again later.
 * The message names the operation and, for a database, the SQLState and the driver's exception
 * class, for example {@code JdbcCallbackDeduplicator.firstDelivery on runflow_callback_deliveries
 * failed: SQLState 08001 (PSQLException)}; it never contains the JDBC URL, a user name or a
 * password. The driver's exception, with its full detail, is the {@linkplain #getCause() cause}.
 */
public final class CallbackDeduplicationException extends RunflowException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception. Public so that other shared implementations of {@link
     * CallbackDeduplicator} (Redis, for example) report their store's failures the same way.
     *
     * @param message what failed, free of credentials and connection strings
     * @param cause the store's failure
     */
    public CallbackDeduplicationException(String message, Throwable cause) {
        super(message, cause);
    }
}
