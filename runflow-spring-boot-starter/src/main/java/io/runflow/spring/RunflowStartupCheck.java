package io.runflow.spring;

import io.runflow.SettingProblem;
import java.util.List;

/**
 * What checks the {@code runflow.*} properties as the context starts, so that a bad one still fails
 * start-up while the beans made from them ({@link io.runflow.RunflowClient}, the webhook's verifier and
 * endpoint) are made on first use: each eager bean of this type stands for one group that was
 * checked. Making those beans costs an application's start-up classes and time even when nothing is
 * sent or received yet.
 */
final class RunflowStartupCheck {

    private final String checked;

    private RunflowStartupCheck(String checked) {
        this.checked = checked;
    }

    /** Throws {@link InvalidRunflowPropertyException} when core found problems in {@code checked}. */
    static RunflowStartupCheck of(String checked, List<SettingProblem> problems) {
        InvalidRunflowPropertyException.throwIfAny(problems);
        return new RunflowStartupCheck(checked);
    }

    @Override
    public String toString() {
        return "RunflowStartupCheck[" + checked + " checked]";
    }
}
