package io.runflow.micrometer;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and keys of {@link RunflowObservationDocumentation#RUN}: implement it (or extend {@link
 * DefaultRunflowRunObservationConvention}) and pass it to {@link RunflowObservations.Builder}, or
 * declare it as a bean in Spring Boot or Micronaut, to replace the default.
 */
public interface RunflowRunObservationConvention extends ObservationConvention<RunflowRunContext> {

    @Override
    default boolean supportsContext(Observation.Context context) {
        return context instanceof RunflowRunContext;
    }
}
