package io.runflow.micrometer;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and keys of {@link RunflowObservationDocumentation#CLIENT_REQUEST}: implement it (or extend {@link
 * DefaultRunflowClientRequestObservationConvention}) and pass it to {@link RunflowObservations.Builder}, or
 * declare it as a bean in Spring Boot or Micronaut, to replace the default.
 */
public interface RunflowClientRequestObservationConvention extends ObservationConvention<RunflowClientRequestContext> {

    @Override
    default boolean supportsContext(Observation.Context context) {
        return context instanceof RunflowClientRequestContext;
    }
}
