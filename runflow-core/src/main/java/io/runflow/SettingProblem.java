package io.runflow;

import java.util.Objects;
import java.util.Optional;

/**
 * What is wrong with one configuration setting, as {@link ClientSettings} and {@code
 * io.runflow.webhook.WebhookSettings} report it: the key, what is wrong, and what to do. Framework
 * adapters render it in their own idiom (Spring Boot's failure analysis, Micronaut's start-up
 * error). Neither text ever holds the value of a key or a secret; an unresolved placeholder is named,
 * since it is no secret.
 *
 * @param key the property, for example {@code runflow.retry.max-attempts}
 * @param description what is wrong, one sentence ending in a period
 * @param action what to do about it, one sentence ending in a period
 */
public record SettingProblem(String key, String description, String action) {

    /** How each action ends: every problem can also be ended by turning Runflow off. */
    static final String OFF = " or turn Runflow off with runflow.enabled=false.";

    /** Checks that no part is null. */
    public SettingProblem {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(action, "action");
    }

    /**
     * Returns the problem as one line: the description, then the action.
     *
     * @return {@code description + " " + action}
     */
    public String message() {
        return description + " " + action;
    }

    /**
     * Returns the problem of a secret-like value (an API key, a signing secret) that is blank or an
     * unresolved placeholder such as {@code ${RUNFLOW_API_KEY}}.
     *
     * @param key the property
     * @param value its value, not null
     * @param what what the value should be, for example {@code "an API key from the Runflow dashboard"}
     * @return the problem, or empty when the value is neither blank nor a placeholder
     */
    public static Optional<SettingProblem> blankOrPlaceholder(String key, String value, String what) {
        Objects.requireNonNull(value, "value");
        String stripped = value.strip();
        if (stripped.isEmpty()) {
            return Optional.of(new SettingProblem(key, key + " is blank.", "Set " + key + " to " + what + "," + OFF));
        }
        if (stripped.startsWith("${") && stripped.endsWith("}")) {
            String name = stripped.substring(2, stripped.length() - 1);
            return Optional.of(new SettingProblem(
                    key,
                    key + " is the unresolved placeholder " + stripped + ".",
                    "Set the environment variable or property " + name + ", or set " + key + " directly," + OFF));
        }
        return Optional.empty();
    }

    /**
     * Returns the problem of a value that one of core's builders rejected, with the builder's reason
     * (core's messages never hold a key or a secret).
     *
     * @param key the property
     * @param rejection what the builder threw
     * @return {@code "<key> is invalid: <reason>."}, and the action to correct it
     */
    public static SettingProblem invalid(String key, RuntimeException rejection) {
        String reason = String.valueOf(rejection.getMessage());
        return new SettingProblem(
                key, key + " is invalid: " + reason + (reason.endsWith(".") ? "" : "."), "Correct " + key + "," + OFF);
    }
}
