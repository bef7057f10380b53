package io.runflow.spring;

import io.micrometer.core.instrument.MeterRegistry;
import io.runflow.RunflowObserver;
import io.runflow.micrometer.RunflowMeters;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;

/**
 * Auto-configures {@link RunflowMeters} when a {@link MeterRegistry} exists: a {@link RunflowObserver}
 * that the client and the webhook endpoint report to, as the meters {@code runflow.client.requests},
 * {@code runflow.client.retries}, {@code runflow.run.waits}, {@code runflow.run.wait.polls} and
 * {@code runflow.webhook.callbacks}, tagged with bounded values only.
 */
@AutoConfiguration(
        before = RunflowAutoConfiguration.class,
        afterName = {
            "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration",
            "org.springframework.boot.actuate.autoconfigure.metrics.export.simple.SimpleMetricsExportAutoConfiguration",
            "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
            "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration"
        })
@ConditionalOnBooleanProperty(name = "runflow.enabled", matchIfMissing = true)
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean(MeterRegistry.class)
public final class RunflowMetricsAutoConfiguration {

    RunflowMetricsAutoConfiguration() {}

    @Bean
    @Lazy
    @ConditionalOnMissingBean(RunflowMeters.class)
    RunflowMeters runflowMeters(MeterRegistry registry) {
        return new RunflowMeters(registry);
    }
}
