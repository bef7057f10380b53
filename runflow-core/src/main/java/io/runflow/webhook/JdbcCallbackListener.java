package io.runflow.webhook;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A listener that writes through the connection of the transaction that holds the callback's
 * de-duplication mark, so that its effects and the mark commit together (or neither does). Turn it
 * into a {@link CallbackListener} with {@link JdbcCallbackDeduplicator#listener(JdbcCallbackListener)}:
 *
 * <pre>{@code
 * WebhookEndpoint.builder()
 *         .verifier(verifier)
 *         .deduplicator(deduplicator) // a JdbcCallbackDeduplicator: transactional
 *         .listener(JdbcCallbackDeduplicator.listener((callback, connection) -> {
 *             try (PreparedStatement update = connection.prepareStatement(
 *                     "UPDATE orders SET rendered = TRUE WHERE run_id = ?")) {
 *                 update.setString(1, callback.id());
 *                 update.executeUpdate();
 *             }
 *         }))
 *         .build();
 * }</pre>
 */
@FunctionalInterface
public interface JdbcCallbackListener {

    /**
     * Handles one callback inside the delivery's transaction.
     *
     * @param callback the callback
     * @param connection the transaction's connection; do not commit, roll back or close it
     * @throws SQLException to roll the delivery back (the endpoint answers 500)
     */
    void onCallback(Callback callback, Connection connection) throws SQLException;
}
