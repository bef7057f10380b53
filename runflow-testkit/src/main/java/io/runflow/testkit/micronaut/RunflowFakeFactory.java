package io.runflow.testkit.micronaut;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import io.runflow.testkit.FakeRunflowServer;

/**
 * Makes the fake started for a test context one of its beans, created with the context (so that it
 * is closed with it even when nothing injects it).
 */
@Factory
@Requires(property = RunflowFakePropertyProviderFactory.FAKE_ID)
final class RunflowFakeFactory {

    @Context
    @Bean(preDestroy = "close")
    FakeRunflowServer runflowFakeServer(@Property(name = RunflowFakePropertyProviderFactory.FAKE_ID) String id) {
        return RunflowFakePropertyProviderFactory.take(id);
    }
}
