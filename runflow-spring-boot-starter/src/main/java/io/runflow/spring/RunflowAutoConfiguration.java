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
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * Auto-configures a {@link RunflowClient} from the {@code runflow.*} properties, adjusted by {@link
 * RunflowClientCustomizer} beans and heard by every {@link RunflowObserver} bean. The properties are
 * checked as the context starts; the client is made when it is first needed (injected or looked up).
 * {@code runflow.enabled=false} turns off this and every other Runflow auto-configuration.
 */
@AutoConfiguration
@ConditionalOnBooleanProperty(name = "runflow.enabled", matchIfMissing = true)
@EnableConfigurationProperties(RunflowProperties.class)
public final class RunflowAutoConfiguration {

    RunflowAutoConfiguration() {}

    /**
     * The client, unless the application has its own: its settings checked as the context starts,
     * the client itself (its transport, threads and JSON mapper) made when it is first needed.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnMissingBean(RunflowClient.class)
    static final class Client {

        @Bean
        RunflowStartupCheck runflowClientSettingsCheck(RunflowProperties properties) {
            return RunflowStartupCheck.of(
                    "runflow client settings", properties.clientSettings().problems());
        }

        @Bean
        @Lazy
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
}
