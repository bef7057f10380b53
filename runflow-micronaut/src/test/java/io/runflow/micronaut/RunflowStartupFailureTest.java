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

    @Test
    void aMissingApiKeyStopsStartUp() {
        assertThat(failure(Map.of()))
                .isEqualTo("runflow.api-key is not set: set it to your Runflow API key (for example runflow.api-key:"
                        + " ${RUNFLOW_API_KEY}), or set runflow.enabled=false");
    }

    @Test
    void aBlankApiKeyStopsStartUp() {
        assertThat(failure(Map.of("runflow.api-key", "  ")))
                .isEqualTo("runflow.api-key is blank: set it to your Runflow API key (is RUNFLOW_API_KEY empty?), or"
                        + " set runflow.enabled=false");
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
                .isEqualTo("runflow.api-key is invalid: apiKey must be visible ASCII characters without spaces");
        assertThat(message).doesNotContain("secret");
    }

    @Test
    void aBlankWebhookSecretStopsStartUp() {
        assertThat(failure(Map.of("runflow.api-key", "rf_test_key", "runflow.webhook.secrets", "whsec_hidden, ")))
                .isEqualTo("runflow.webhook.secrets[1] is blank: set it to a callback signing secret of your"
                        + " organization (whsec_...), or remove it");
    }

    @Test
    void anInvalidBaseUrlNamesItsKey() {
        assertThat(failure(Map.of("runflow.api-key", "rf_test_key", "runflow.base-url", "ftp://example.test")))
                .isEqualTo("runflow.base-url is invalid: baseUrl must be an absolute http or https URL, got:"
                        + " ftp://example.test");
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
                .isEqualTo("runflow.webhook.dedup=jdbc needs a javax.sql.DataSource bean (for example"
                        + " micronaut-jdbc-hikari with datasources.default.*): add one, or set"
                        + " runflow.webhook.dedup=memory");
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
