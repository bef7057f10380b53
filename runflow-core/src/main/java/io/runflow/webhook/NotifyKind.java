package io.runflow.webhook;

/**
 * How a callback received by one instance ends the waits on other instances: the values of {@code
 * runflow.webhook.notify} in Spring Boot and Micronaut alike.
 */
public enum NotifyKind {
    /** PostgreSQL's {@code NOTIFY}/{@code LISTEN} on the application's database ({@link PostgresWakeUp}). */
    POSTGRES,
    /** Not at all: waits on other instances end by polling. */
    NONE
}
