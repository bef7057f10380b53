package io.runflow.spring;

/**
 * A {@code runflow.*} property that keeps the application from starting; {@link
 * RunflowFailureAnalyzer} turns it into Spring Boot's description and action. The message names the
 * property and never holds its value (an unresolved placeholder is named: it is not a secret).
 */
final class InvalidRunflowPropertyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String action;

    InvalidRunflowPropertyException(String description, String action) {
        super(description);
        this.action = action;
    }

    String action() {
        return action;
    }
}
