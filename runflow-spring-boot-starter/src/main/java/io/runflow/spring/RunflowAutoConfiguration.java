package io.runflow.spring;

import io.runflow.ClientSettings;
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
        ClientSettings settings = properties.clientSettings();
        InvalidRunflowPropertyException.throwIfAny(settings.problems());
        RunflowClient.Builder builder = settings.clientBuilder();
        builder.observer(RunflowObserver.composite(observers.orderedStream().toList()));
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        return builder.build();
    }
}
