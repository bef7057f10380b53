package io.runflow.spring;

import java.util.Locale;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Masks {@code runflow.api-key} and {@code runflow.webhook.secrets} in the actuator's {@code env} and
 * {@code configprops} endpoints even where {@code management.endpoint.*.show-values=always}, in any
 * spelling of the keys ({@code RUNFLOW_API_KEY}, {@code runflow.apiKey}, {@code
 * runflow.webhook.secrets[0]}).
 */
@AutoConfiguration
@ConditionalOnBooleanProperty(name = "runflow.enabled", matchIfMissing = true)
@ConditionalOnClass(SanitizingFunction.class)
public final class RunflowActuatorAutoConfiguration {

    RunflowActuatorAutoConfiguration() {}

    @Bean
    @ConditionalOnMissingBean(name = "runflowSanitizingFunction")
    SanitizingFunction runflowSanitizingFunction() {
        return RunflowActuatorAutoConfiguration::sanitize;
    }

    static SanitizableData sanitize(SanitizableData data) {
        return isSecret(data.getKey()) ? data.withValue(SanitizableData.SANITIZED_VALUE) : data;
    }

    static boolean isSecret(String key) {
        String canonical = key.toLowerCase(Locale.ROOT).replaceAll("[-_.]|\\[\\d+]", "");
        return canonical.startsWith("runflowapikey") || canonical.startsWith("runflowwebhooksecrets");
    }
}
