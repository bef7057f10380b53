package io.runflow.spring;

import io.runflow.HealthCheck;
import io.runflow.RunflowClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.util.function.SingletonSupplier;

/**
 * Auto-configures the {@code runflow} health indicator ({@code GET /v1/health} through core's
 * {@link HealthCheck}: cached, short timeout, never throws) when Spring Boot Actuator is present, on
 * Boot 3.5 ({@code org.springframework.boot.actuate.health}) and on Boot 4 ({@code
 * org.springframework.boot.health.contributor}). It joins no probe group: an API outage must not make
 * the platform restart the application. {@code runflow.health.enabled=false} leaves it out. The check
 * (and the client) is made on the first health request.
 */
@AutoConfiguration(after = RunflowAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = "runflow.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(name = "runflow.health.enabled", matchIfMissing = true)
@ConditionalOnBean(RunflowClient.class)
public final class RunflowHealthAutoConfiguration {

    RunflowHealthAutoConfiguration() {}

    @Bean
    @Lazy
    @ConditionalOnMissingBean(HealthCheck.class)
    HealthCheck runflowHealthCheck(RunflowClient client) {
        return HealthCheck.builder(client).build();
    }

    /** Spring Boot 3.5's health contributor types. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.actuate.health.AbstractHealthIndicator")
    static final class Boot3 {

        @Bean
        @ConditionalOnMissingBean(name = "runflowHealthIndicator")
        Boot3HealthIndicator runflowHealthIndicator(ObjectProvider<HealthCheck> check) {
            return new Boot3HealthIndicator(SingletonSupplier.of(check::getObject));
        }
    }

    /** Spring Boot 4's health contributor types (module spring-boot-health). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
    static final class Boot4 {

        @Bean
        @ConditionalOnMissingBean(name = "runflowHealthIndicator")
        Boot4HealthIndicator runflowHealthIndicator(ObjectProvider<HealthCheck> check) {
            return new Boot4HealthIndicator(SingletonSupplier.of(check::getObject));
        }
    }
}
