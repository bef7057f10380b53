package io.runflow.testkit.micronaut;

import io.micronaut.context.annotation.Requires;
import io.micronaut.test.context.TestContext;
import io.micronaut.test.context.TestExecutionListener;
import io.runflow.testkit.FakeRunflowServer;
import jakarta.inject.Singleton;

/** Resets the context's fake before each test, so that each starts as on a fresh server. */
@Singleton
@Requires(property = RunflowFakePropertyProviderFactory.FAKE_ID)
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
