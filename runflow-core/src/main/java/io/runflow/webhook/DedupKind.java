package io.runflow.webhook;

/**
 * How an application recognises a callback Runflow delivered more than once: the values of {@code
 * runflow.webhook.dedup} in Spring Boot and Micronaut alike.
 */
public enum DedupKind {
    /** In this instance's memory, bounded ({@link InMemoryCallbackDeduplicator}): enough for one instance. */
    MEMORY,
    /**
     * In a table of the application's {@code javax.sql.DataSource} ({@link JdbcCallbackDeduplicator}),
     * shared by every instance.
     */
    JDBC,
    /** Not at all ({@link CallbackDeduplicator#none()}): every delivery reaches the listeners. */
    NONE
}
