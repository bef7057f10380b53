package io.runflow.spring;

import io.micrometer.observation.ObservationRegistry;
import io.runflow.RunflowObserver;
import io.runflow.micrometer.RunflowClientRequestObservationConvention;
import io.runflow.micrometer.RunflowObservations;
import io.runflow.micrometer.RunflowRunObservationConvention;
import io.runflow.micrometer.RunflowWebhookObservationConvention;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;

/**
 * Auto-configures {@link RunflowObservations} when an {@link ObservationRegistry} exists (the
 * actuator's): a {@link RunflowObserver} that the client and the webhook endpoint report to, as the
 * observations {@code runflow.client.request}, {@code runflow.run} and {@code runflow.webhook}. With
 * a tracer (for example {@code micrometer-tracing-bridge-otel}), calls to Runflow carry {@code
 * traceparent} and a run's callback continues the trace of the request that created the run. A
 * {@link RunflowClientRequestObservationConvention}, {@link RunflowRunObservationConvention} or
 * {@link RunflowWebhookObservationConvention} bean replaces the default convention.
 */
@AutoConfiguration(
        before = RunflowAutoConfiguration.class,
        afterName = {
            "org.springframework.boot.actuate.autoconfigure.observation.ObservationAutoConfiguration",
            "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration"
        })
@ConditionalOnBooleanProperty(name = "runflow.enabled", matchIfMissing = true)
@ConditionalOnClass(ObservationRegistry.class)
@ConditionalOnBean(ObservationRegistry.class)
public final class RunflowObservationAutoConfiguration {

    RunflowObservationAutoConfiguration() {}

    @Bean
    @Lazy
    @ConditionalOnMissingBean(RunflowObservations.class)
    RunflowObservations runflowObservations(
            ObservationRegistry registry,
            ObjectProvider<RunflowClientRequestObservationConvention> clientRequestConvention,
            ObjectProvider<RunflowRunObservationConvention> runConvention,
            ObjectProvider<RunflowWebhookObservationConvention> webhookConvention) {
        RunflowObservations.Builder builder = RunflowObservations.builder().registry(registry);
        clientRequestConvention.ifUnique(builder::clientRequestConvention);
        runConvention.ifUnique(builder::runConvention);
        webhookConvention.ifUnique(builder::webhookConvention);
        return builder.build();
    }
}
