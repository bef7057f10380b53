package io.runflow.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.actuate.endpoint.Show;
import org.springframework.boot.actuate.env.EnvironmentEndpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;

/**
 * The starter's {@link SanitizingFunction} masks the key and the webhook secrets in every spelling an
 * environment may hold them, even with values shown; it backs off without the actuator and to an
 * application's own function of the same name.
 */
class RunflowActuatorAutoConfigurationTest {

    static final String KEY = "rf_live_SECRETKEY_sanitizeCheck_8e9f0a";
    static final String FIRST = "whsec_LEAKCHECK_sanitize_first_1b2c3d";
    static final String SECOND = "whsec_LEAKCHECK_sanitize_second_4e5f6a";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(RunflowActuatorAutoConfiguration.class))
            .withPropertyValues(
                    "runflow.api-key=" + KEY,
                    "RUNFLOW_API_KEY=" + KEY,
                    "runflow.apiKey=" + KEY,
                    "runflow.webhook.secrets[0]=" + FIRST,
                    "runflow.webhook.secrets[1]=" + SECOND,
                    "RUNFLOW_WEBHOOK_SECRETS=" + FIRST + "," + SECOND,
                    "runflow.base-url=http://127.0.0.1:1");

    @Test
    void masksTheKeyAndSecretsInEverySpellingWithValuesShown() {
        runner.run(context -> {
            assertThat(context).hasBean("runflowSanitizingFunction");
            EnvironmentEndpoint endpoint = endpoint(context);
            Map<String, Object> shown = new LinkedHashMap<>();
            endpoint.environment(null)
                    .getPropertySources()
                    .forEach(source ->
                            source.getProperties().forEach((name, value) -> shown.put(name, value.getValue())));

            assertThat(shown).containsEntry("runflow.base-url", "http://127.0.0.1:1");
            for (String name : List.of(
                    "runflow.api-key",
                    "RUNFLOW_API_KEY",
                    "runflow.apiKey",
                    "runflow.webhook.secrets[0]",
                    "runflow.webhook.secrets[1]",
                    "RUNFLOW_WEBHOOK_SECRETS")) {
                assertThat(shown).containsEntry(name, "******");
                assertThat(endpoint.environmentEntry(name).getProperty().getValue())
                        .isEqualTo("******");
            }
            assertThat(shown.toString()).doesNotContain("SECRETKEY_sanitizeCheck", "sanitize_first", "sanitize_second");
        });
    }

    @Test
    void leavesOtherPropertiesAlone() {
        assertThat(RunflowActuatorAutoConfiguration.isSecret("runflow.base-url"))
                .isFalse();
        assertThat(RunflowActuatorAutoConfiguration.isSecret("runflow.webhook.path"))
                .isFalse();
        assertThat(RunflowActuatorAutoConfiguration.isSecret("runflow.webhook.max-body-size"))
                .isFalse();
        assertThat(RunflowActuatorAutoConfiguration.isSecret("runflow.webhook.secrets"))
                .isTrue();
        assertThat(RunflowActuatorAutoConfiguration.isSecret("RUNFLOW_WEBHOOK_SECRETS_0"))
                .isTrue();
    }

    @Test
    void backsOffWithoutTheActuatorAndTheStarterStillStarts() {
        runner.withConfiguration(RunflowAutoConfigurationTest.RUNFLOW)
                .withClassLoader(new FilteredClassLoader(SanitizingFunction.class))
                .run(context -> assertThat(context)
                        .hasNotFailed()
                        .hasSingleBean(io.runflow.RunflowClient.class)
                        .doesNotHaveBean("runflowSanitizingFunction"));
    }

    @Test
    void backsOffToTheApplicationsOwnFunctionOfTheSameName() {
        SanitizingFunction own = data -> data;
        runner.withBean("runflowSanitizingFunction", SanitizingFunction.class, () -> own)
                .run(context -> {
                    assertThat(context).getBean("runflowSanitizingFunction").isSameAs(own);
                    assertThat(context).hasSingleBean(SanitizingFunction.class);
                });
    }

    private static EnvironmentEndpoint endpoint(ApplicationContext context) {
        return new EnvironmentEndpoint(
                context.getEnvironment(),
                context.getBeanProvider(SanitizingFunction.class)
                        .orderedStream()
                        .toList(),
                Show.ALWAYS);
    }
}
