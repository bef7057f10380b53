package io.runflow.testkit.spring;

import io.runflow.testkit.FakeRunflowServer;
import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/** Resets the context's fake before each test method of a class with {@link EnableRunflowFake}. */
final class RunflowFakeTestExecutionListener implements TestExecutionListener, Ordered {

    @Override
    public void beforeTestMethod(TestContext testContext) {
        if (RunflowFakeContextCustomizerFactory.enabled(testContext.getTestClass())) {
            testContext
                    .getApplicationContext()
                    .getBean(RunflowFakeContextCustomizer.BEAN_NAME, FakeRunflowServer.class)
                    .reset();
        }
    }

    @Override
    public int getOrder() {
        // Before the test's own @BeforeEach-time listeners such as Mockito's or SQL scripts'.
        return Ordered.HIGHEST_PRECEDENCE + 100;
    }
}
