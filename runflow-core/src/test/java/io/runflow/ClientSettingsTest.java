package io.runflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ClientSettingsTest {

    private static final String OFF = " or turn Runflow off with runflow.enabled=false.";

    @Test
    void anApiKeyAloneLeavesEveryOtherValueCoresDefault() {
        ClientSettings settings = ClientSettings.builder().apiKey("rf_k").build();

        assertThat(settings.problems()).isEmpty();
        try (RunflowClient client = settings.clientBuilder()
                .transport(options -> new InMemoryRunflowApi())
                .build()) {
            RunflowOptions options = client.options();
            assertThat(options.baseUrl()).hasToString(RunflowClient.DEFAULT_BASE_URL);
            assertThat(options.connectTimeout()).isEqualTo(RunflowClient.DEFAULT_CONNECT_TIMEOUT);
            assertThat(options.readTimeout()).isEqualTo(RunflowClient.DEFAULT_READ_TIMEOUT);
            assertThat(options.retryPolicy()).isSameAs(RetryPolicy.defaults());
            assertThat(options.pollPolicy()).isSameAs(PollPolicy.defaults());
        }
    }

    @Test
    void appliesOneOverrideAndKeepsTheRestOfItsPolicy() {
        try (RunflowClient client = ClientSettings.builder()
                .apiKey("rf_k")
                .retryMaxAttempts(2)
                .pollTimeout(Duration.ofSeconds(30))
                .build()
                .clientBuilder()
                .transport(options -> new InMemoryRunflowApi())
                .build()) {
            RetryPolicy retry = client.options().retryPolicy();
            assertThat(retry.maxAttempts()).isEqualTo(2);
            assertThat(retry.initialDelay()).isEqualTo(RetryPolicy.defaults().initialDelay());
            assertThat(retry.maxDelay()).isEqualTo(RetryPolicy.defaults().maxDelay());
            PollPolicy poll = client.options().pollPolicy();
            assertThat(poll.timeout()).isEqualTo(Duration.ofSeconds(30));
            assertThat(poll.initialInterval()).isEqualTo(PollPolicy.defaults().initialInterval());
            assertThat(poll.maxInterval()).isEqualTo(PollPolicy.defaults().maxInterval());
        }
    }

    @Test
    void reportsAMissingApiKeyWithWhatToDo() {
        assertThat(ClientSettings.builder().build().problems())
                .containsExactly(new SettingProblem(
                        "runflow.api-key",
                        "runflow.api-key is not set, so no RunflowClient can be created.",
                        "Set runflow.api-key (for example runflow.api-key=${RUNFLOW_API_KEY}), define your own"
                                + " RunflowClient bean," + OFF));
    }

    @Test
    void namesAnUnresolvedPlaceholderButNeverAKey() {
        assertThat(ClientSettings.builder().apiKey("${RUNFLOW_KEY}").build().problems())
                .extracting(SettingProblem::description)
                .containsExactly("runflow.api-key is the unresolved placeholder ${RUNFLOW_KEY}.");
        assertThat(ClientSettings.builder().apiKey("rf secret").build().problems())
                .extracting(SettingProblem::message)
                .containsExactly("runflow.api-key is invalid: apiKey must be visible ASCII characters without spaces."
                        + " Correct runflow.api-key," + OFF);
    }

    @Test
    void reportsEveryRejectedValueUnderItsKeyInKeyOrder() {
        ClientSettings settings = ClientSettings.builder()
                .apiKey("rf_k")
                .baseUrl("ftp://example.test")
                .readTimeout(Duration.ZERO)
                .retryMaxAttempts(0)
                .pollTimeout(Duration.ofDays(400))
                .build();

        assertThat(settings.problems())
                .extracting(SettingProblem::key)
                .containsExactly(
                        "runflow.base-url",
                        "runflow.timeouts.read",
                        "runflow.retry.max-attempts",
                        "runflow.poll.timeout");
        assertThatIllegalStateException()
                .isThrownBy(settings::clientBuilder)
                .withMessage("runflow.base-url is invalid: baseUrl must be an absolute http or https URL, got:"
                        + " ftp://example.test. Correct runflow.base-url," + OFF);
    }

    @Test
    void checksAPolicyAsAWholeAgainstCoresOtherDefaults() {
        assertThat(ClientSettings.builder()
                        .apiKey("rf_k")
                        .retryInitialDelay(Duration.ofSeconds(33))
                        .build()
                        .problems())
                .extracting(SettingProblem::description)
                .containsExactly("runflow.retry is invalid: initialDelay PT33S must not exceed maxDelay PT32S.");
        assertThat(ClientSettings.builder()
                        .apiKey("rf_k")
                        .retryInitialDelay(Duration.ofSeconds(32))
                        .build()
                        .problems())
                .isEmpty();
    }

    @Test
    void showsNoKeyInToString() {
        assertThat(ClientSettings.builder().apiKey("rf_hidden").build().toString())
                .contains("apiKey=***")
                .doesNotContain("rf_hidden");
    }
}
