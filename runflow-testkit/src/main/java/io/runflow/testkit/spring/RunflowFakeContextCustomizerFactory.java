package io.runflow.testkit.spring;

import java.util.List;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;

/** Finds {@link EnableRunflowFake} on a test class (or an enclosing one) and adds the fake to its context. */
final class RunflowFakeContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(
            Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        return enabled(testClass) ? new RunflowFakeContextCustomizer() : null;
    }

    static boolean enabled(Class<?> testClass) {
        return TestContextAnnotationUtils.hasAnnotation(testClass, EnableRunflowFake.class);
    }
}
