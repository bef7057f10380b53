package io.runflow.spring;

import io.runflow.PollPolicy;
import io.runflow.RetryPolicy;
import io.runflow.RunflowClient;
import io.runflow.RunflowObserver;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configures a {@link RunflowClient} from the {@code runflow.*} properties, adjusted by {@link
 * RunflowClientCustomizer} beans and heard by every {@link RunflowObserver} bean. {@code
 * runflow.enabled=false} turns off this and every other Runflow auto-configuration.
 */
@AutoConfiguration
@ConditionalOnBooleanProperty(name = "runflow.enabled", matchIfMissing = true)
@EnableConfigurationProperties(RunflowProperties.class)
public final class RunflowAutoConfiguration {

    RunflowAutoConfiguration() {}

    @Bean
    @ConditionalOnMissingBean
    RunflowClient runflowClient(
            RunflowProperties properties,
            ObjectProvider<RunflowClientCustomizer> customizers,
            ObjectProvider<RunflowObserver> observers) {
        RunflowClient.Builder builder = RunflowClient.builder();
        PropertyChecks.apply("runflow.api-key", PropertyChecks.apiKey(properties.apiKey()), builder::apiKey);
        PropertyChecks.apply("runflow.base-url", properties.baseUrl(), builder::baseUrl);
        PropertyChecks.apply("runflow.organization-id", properties.organizationId(), builder::organizationId);
        PropertyChecks.apply("runflow.timeouts.connect", properties.timeouts().connect(), builder::connectTimeout);
        PropertyChecks.apply("runflow.timeouts.read", properties.timeouts().read(), builder::readTimeout);
        RetryPolicy.Builder retry = RetryPolicy.builder();
        PropertyChecks.apply("runflow.retry.max-attempts", properties.retry().maxAttempts(), retry::maxAttempts);
        PropertyChecks.apply("runflow.retry.initial-delay", properties.retry().initialDelay(), retry::initialDelay);
        PropertyChecks.apply("runflow.retry.max-delay", properties.retry().maxDelay(), retry::maxDelay);
        PropertyChecks.apply("runflow.retry", retry, r -> builder.retryPolicy(r.build()));
        PollPolicy.Builder poll = PollPolicy.builder();
        PropertyChecks.apply(
                "runflow.poll.initial-interval", properties.poll().initialInterval(), poll::initialInterval);
        PropertyChecks.apply("runflow.poll.max-interval", properties.poll().maxInterval(), poll::maxInterval);
        PropertyChecks.apply("runflow.poll.timeout", properties.poll().timeout(), poll::timeout);
        PropertyChecks.apply("runflow.poll", poll, p -> builder.pollPolicy(p.build()));
        builder.observer(RunflowObserver.composite(observers.orderedStream().toList()));
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        return builder.build();
    }
}
