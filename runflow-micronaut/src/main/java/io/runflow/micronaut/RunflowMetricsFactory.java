package io.runflow.micronaut;

import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.runflow.micrometer.RunflowMeters;
import jakarta.inject.Singleton;

/**
 * Micrometer meters with the Spring starter's names ({@code runflow.client.requests}, {@code
 * runflow.run.waits}, {@code runflow.webhook.callbacks}...), when micronaut-micrometer gives the
 * application a {@link MeterRegistry}: the {@link RunflowMeters} observer goes to the client and to
 * the webhook endpoint.
 */
@Factory
@Requires(classes = MeterRegistry.class)
@Requires(property = RunflowConfiguration.ENABLED, notEquals = "false")
@Requires(beans = MeterRegistry.class)
final class RunflowMetricsFactory {

    @Singleton
    RunflowMeters runflowMeters(MeterRegistry registry) {
        return new RunflowMeters(registry);
    }
}
