package io.runflow.micronaut;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.exceptions.ConfigurationException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Start-up stops with one message that names the key, and never shows a secret. */
class RunflowStartupFailureTest {

    private static final String OFF = " or turn Runflow off with runflow.enabled=false.";

    @Test
    void aMissingApiKeyStopsStartUp() {
        assertThat(failure(Map.of()))
                .isEqualTo("runflow.api-key is not set, so no RunflowClient can be created. Set runflow.api-key"
                        + " (for example runflow.api-key=${RUNFLOW_API_KEY}), define your own RunflowClient bean,"
                        + OFF);
    }

    @Test
    void aBlankApiKeyStopsStartUp() {
        assertThat(failure(Map.of("runflow.api-key", "  ")))
                .isEqualTo("runflow.api-key is blank. Set runflow.api-key to an API key from the Runflow dashboard,"
                        + OFF);
    }

    @Test
    void anApiKeyFromAnEmptyVariableStopsStartUp() {
        assertThat(failure(Map.of("runflow.api-key", "${RUNFLOW_TEST_UNSET_VARIABLE:}")))
                .startsWith("runflow.api-key is ");
    }

    @Test
    void anApiKeyWithSpacesIsRejectedWithoutShowingIt() {
        String message = failure(Map.of("runflow.api-key", "rf_live secret"));

        assertThat(message)
                .isEqualTo("runflow.api-key is invalid: apiKey must be visible ASCII characters without spaces."
                        + " Correct runflow.api-key," + OFF);
        assertThat(message).doesNotContain("secret");
    }

    @Test
    void aBlankWebhookSecretStopsStartUp() {
        assertThat(failure(Map.of("runflow.api-key", "rf_test_key", "runflow.webhook.secrets", "whsec_hidden, ")))
                .isEqualTo("runflow.webhook.secrets[1] is blank. Set runflow.webhook.secrets[1] to a callback"
                        + " signing secret (whsec_...)," + OFF);
    }

    @Test
    void anInvalidBaseUrlNamesItsKey() {
        assertThat(failure(Map.of("runflow.api-key", "rf_test_key", "runflow.base-url", "ftp://example.test")))
                .isEqualTo("runflow.base-url is invalid: baseUrl must be an absolute http or https URL, got:"
                        + " ftp://example.test. Correct runflow.base-url," + OFF);
    }

    @Test
    void aNegativeTimeoutNamesItsKey() {
        assertThat(failure(Map.of("runflow.api-key", "rf_test_key", "runflow.timeouts.read", "-1s")))
                .startsWith("runflow.timeouts.read is invalid: ");
    }

    @Test
    void jdbcDeduplicationWithoutADataSourceStopsStartUp() {
        assertThat(failure(Map.of(
                        "runflow.api-key", "rf_test_key",
                        "runflow.webhook.secrets", "whsec_hidden",
                        "runflow.webhook.dedup", "jdbc")))
                .isEqualTo("runflow.webhook.dedup=jdbc needs a javax.sql.DataSource bean, and the application has"
                        + " none. Add one (for example micronaut-jdbc-hikari with datasources.default.*), replace"
                        + " the CallbackDeduplicator bean, or set runflow.webhook.dedup=memory.");
    }

    @Test
    void anInitialRetryDelayOverTheDefaultMaximumNamesTheGroup() {
        assertThat(failure(Map.of("runflow.api-key", "rf_test_key", "runflow.retry.initial-delay", "40s")))
                .isEqualTo("runflow.retry is invalid: initialDelay PT40S must not exceed maxDelay PT32S. Correct"
                        + " runflow.retry," + OFF);
    }

    @Test
    void aMaxAttemptsBelowOneNamesItsKey() {
        assertThat(failure(Map.of("runflow.api-key", "rf_test_key", "runflow.retry.max-attempts", "0")))
                .isEqualTo("runflow.retry.max-attempts is invalid: maxAttempts must be at least 1, got 0. Correct"
                        + " runflow.retry.max-attempts," + OFF);
    }

    @Test
    void everyProblemInOneLine() {
        assertThat(failure(Map.of("runflow.timeouts.connect", "0s")))
                .isEqualTo("runflow.api-key is not set, so no RunflowClient can be created. Set runflow.api-key"
                        + " (for example runflow.api-key=${RUNFLOW_API_KEY}), define your own RunflowClient bean,"
                        + OFF + " runflow.timeouts.connect is invalid: connectTimeout must be positive, got PT0S."
                        + " Correct runflow.timeouts.connect," + OFF);
    }

    @Test
    void nothingIsCheckedWhenTheModuleIsOff() {
        try (ApplicationContext context = ApplicationContext.run(Map.of("runflow.enabled", "false"))) {
            assertThat(context.isRunning()).isTrue();
        }
    }

    /** Starts a context that must fail; returns the message of the configuration error it failed with. */
    private static String failure(Map<String, Object> properties) {
        Map<String, Object> all = new HashMap<>(properties);
        Throwable thrown = catchThrowable(() -> ApplicationContext.run(all).close());
        assertThat(thrown).isNotNull();
        Throwable cause = null;
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof ConfigurationException) {
                cause = t;
            }
        }
        assertThat(cause).as("a ConfigurationException in %s", thrown).isNotNull();
        // The message the developer sees holds the root cause's, and no secret.
        assertThat(thrown.getMessage()).contains(cause.getMessage()).doesNotContain("whsec_hidden");
        return cause.getMessage();
    }
}
