package io.runflow.micronaut;

import io.micrometer.observation.ObservationRegistry;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.runflow.micrometer.RunflowClientRequestObservationConvention;
import io.runflow.micrometer.RunflowObservations;
import io.runflow.micrometer.RunflowRunObservationConvention;
import io.runflow.micrometer.RunflowWebhookObservationConvention;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * Micrometer observations with the Spring starter's names and keys ({@code runflow.client.request},
 * {@code runflow.run}, {@code runflow.webhook}) when the application has an {@link
 * ObservationRegistry} bean: the {@link RunflowObservations} observer goes to the client and to the
 * webhook endpoint. A convention bean replaces the default one.
 */
@Factory
@Requires(classes = ObservationRegistry.class)
@Requires(property = RunflowConfiguration.ENABLED, notEquals = "false")
@Requires(beans = ObservationRegistry.class)
final class RunflowObservationFactory {

    @Singleton
    RunflowObservations runflowObservations(
            ObservationRegistry registry,
            Optional<RunflowClientRequestObservationConvention> clientRequestConvention,
            Optional<RunflowRunObservationConvention> runConvention,
            Optional<RunflowWebhookObservationConvention> webhookConvention) {
        RunflowObservations.Builder builder = RunflowObservations.builder().registry(registry);
        clientRequestConvention.ifPresent(builder::clientRequestConvention);
        runConvention.ifPresent(builder::runConvention);
        webhookConvention.ifPresent(builder::webhookConvention);
        return builder.build();
    }
}
