package io.runflow.testkit.micronaut;

import io.micronaut.context.annotation.Requires;
import io.micronaut.test.context.TestContext;
import io.micronaut.test.context.TestExecutionListener;
import io.runflow.testkit.FakeRunflowServer;
import jakarta.inject.Singleton;

/** Resets the context's fake before each test when asked to ({@link EnableRunflowFake#resetBeforeEach()}). */
@Singleton
@Requires(property = RunflowFakePropertyProviderFactory.FAKE_ID)
@Requires(property = RunflowFakePropertyProviderFactory.RESET_BEFORE_EACH, value = "true")
@Requires(classes = TestExecutionListener.class)
final class RunflowFakeReset implements TestExecutionListener {

    private final FakeRunflowServer server;

    RunflowFakeReset(FakeRunflowServer server) {
        this.server = server;
    }

    @Override
    public void beforeTestMethod(TestContext testContext) {
        server.reset();
    }
}
