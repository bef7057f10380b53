package io.runflow.spring;

import io.runflow.SettingProblem;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code runflow.*} properties that keep the application from starting, as core's checks report
 * them; {@link RunflowFailureAnalyzer} turns them into Spring Boot's description and action. The
 * texts name the properties and never hold their values (an unresolved placeholder is named: it is
 * not a secret).
 */
final class InvalidRunflowPropertyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String action;

    InvalidRunflowPropertyException(List<SettingProblem> problems) {
        super(problems.stream().map(SettingProblem::description).collect(Collectors.joining("\n")));
        this.action = problems.stream().map(SettingProblem::action).distinct().collect(Collectors.joining("\n"));
    }

    /** Throws when core found problems in the settings. */
    static void throwIfAny(List<SettingProblem> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidRunflowPropertyException(problems);
        }
    }

    String action() {
        return action;
    }
}
