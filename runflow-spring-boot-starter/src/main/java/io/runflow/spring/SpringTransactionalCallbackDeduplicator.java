package io.runflow.spring;

import io.runflow.webhook.Callback;
import io.runflow.webhook.CallbackListener;
import io.runflow.webhook.JdbcCallbackDeduplicator;
import io.runflow.webhook.TransactionalCallbackDeduplicator;
import java.sql.Connection;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes the callback's mark in a transaction of the application's transaction manager and
 * publishes the callback inside it, so that listeners writing with {@code JdbcTemplate} or JPA on
 * the same {@link DataSource} commit or roll back with the mark. Always a new transaction: a
 * callback is never part of a caller's work.
 */
final class SpringTransactionalCallbackDeduplicator implements TransactionalCallbackDeduplicator {

    private final JdbcCallbackDeduplicator marks;
    private final DataSource dataSource;
    private final TransactionTemplate transactions;

    SpringTransactionalCallbackDeduplicator(
            JdbcCallbackDeduplicator marks, DataSource dataSource, PlatformTransactionManager transactionManager) {
        this.marks = marks;
        this.dataSource = dataSource;
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public boolean deliverOnce(Callback callback, CallbackListener delivery) {
        Boolean delivered = transactions.execute(status -> {
            Connection connection = DataSourceUtils.getConnection(dataSource);
            try {
                if (!marks.markIn(connection, callback)) {
                    status.setRollbackOnly();
                    return false;
                }
            } finally {
                DataSourceUtils.releaseConnection(connection, dataSource);
            }
            delivery.onCallback(callback);
            return true;
        });
        return Boolean.TRUE.equals(delivered);
    }

    @Override
    public boolean firstDelivery(Callback callback) {
        return marks.firstDelivery(callback);
    }

    @Override
    public void release(Callback callback) {
        marks.release(callback);
    }

    @Override
    public String toString() {
        return "SpringTransactionalCallbackDeduplicator[" + marks + "]";
    }
}
