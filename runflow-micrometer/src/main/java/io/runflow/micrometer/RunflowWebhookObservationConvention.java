package io.runflow.micrometer;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and keys of {@link RunflowObservationDocumentation#WEBHOOK}: implement it (or extend {@link
 * DefaultRunflowWebhookObservationConvention}) and pass it to {@link RunflowObservations.Builder}, or
 * declare it as a bean in Spring Boot or Micronaut, to replace the default.
 */
public interface RunflowWebhookObservationConvention extends ObservationConvention<RunflowWebhookContext> {

    @Override
    default boolean supportsContext(Observation.Context context) {
        return context instanceof RunflowWebhookContext;
    }
}
