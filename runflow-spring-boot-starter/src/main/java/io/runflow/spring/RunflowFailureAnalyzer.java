package io.runflow.spring;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Reports a bad {@code runflow.*} property as one description and one action, not a bean stack. */
final class RunflowFailureAnalyzer extends AbstractFailureAnalyzer<InvalidRunflowPropertyException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidRunflowPropertyException cause) {
        return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
    }
}
