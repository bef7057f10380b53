package io.runflow.spring;

import io.runflow.webhook.CallbackDeduplicator;
import io.runflow.webhook.JdbcCallbackDeduplicator;
import javax.sql.DataSource;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.util.ClassUtils;

/**
 * Puts a {@link JdbcCallbackDeduplicator} into the application's transactions when spring-jdbc and a
 * single transaction manager and data source are there; otherwise the deduplicator keeps its own
 * transaction (on a connection of its data source, which listeners' {@code JdbcTemplate} does not
 * join).
 */
final class SpringTransactions {

    private static final boolean SPRING_JDBC = ClassUtils.isPresent(
            "org.springframework.jdbc.datasource.DataSourceUtils", SpringTransactions.class.getClassLoader());

    private SpringTransactions() {}

    static CallbackDeduplicator join(CallbackDeduplicator chosen, ListableBeanFactory beans) {
        if (!(chosen instanceof JdbcCallbackDeduplicator marks) || !SPRING_JDBC) {
            return chosen;
        }
        return Joined.join(marks, beans);
    }

    /** Loaded only when spring-jdbc (and so spring-tx) is on the class path. */
    private static final class Joined {

        static CallbackDeduplicator join(JdbcCallbackDeduplicator marks, ListableBeanFactory beans) {
            var transactionManager = beans.getBeanProvider(
                            org.springframework.transaction.PlatformTransactionManager.class)
                    .getIfUnique();
            DataSource dataSource = beans.getBeanProvider(DataSource.class).getIfUnique();
            if (transactionManager == null || dataSource == null) {
                return marks;
            }
            return new SpringTransactionalCallbackDeduplicator(marks, dataSource, transactionManager);
        }
    }
}
