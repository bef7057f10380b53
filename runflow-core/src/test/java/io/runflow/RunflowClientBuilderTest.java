package io.runflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The builder's settings: each one reaches the options, and each bad value is refused with its name. */
class RunflowClientBuilderTest {

    private static final String KEY = "rf_live_0123456789abcdef";

    private final InMemoryRunflowApi api = new InMemoryRunflowApi();

    private RunflowOptions options(RunflowClient.Builder builder) {
        try (RunflowClient runflow =
                builder.apiKey(KEY).transport(options -> api).build()) {
            return runflow.options();
        }
    }

    @Test
    void everySettingReachesTheOptions() {
        Clock clock = Clock.fixed(Instant.parse("2026-05-06T10:00:00Z"), ZoneOffset.UTC);
        Sleeper sleeper = duration -> {};
        RetryPolicy retry = RetryPolicy.none();
        PollPolicy poll = PollPolicy.builder().timeout(Duration.ofSeconds(30)).build();
        RunflowObserver observer = new RunflowObserver() {};

        RunflowOptions options = options(RunflowClient.builder()
                .connectTimeout(Duration.ofSeconds(3))
                .readTimeout(Duration.ofSeconds(4))
                .retryPolicy(retry)
                .pollPolicy(poll)
                .clock(clock)
                .sleeper(sleeper)
                .observer(observer));

        assertThat(options.connectTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(options.readTimeout()).isEqualTo(Duration.ofSeconds(4));
        assertThat(options.retryPolicy()).isSameAs(retry);
        assertThat(options.pollPolicy()).isSameAs(poll);
        assertThat(options.clock()).isSameAs(clock);
        assertThat(options.sleeper()).isSameAs(sleeper);
    }

    @Test
    void theDefaultTimeoutsAreTenAndSixtySeconds() {
        RunflowOptions options = options(RunflowClient.builder());
        assertThat(options.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(options.readTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(options.pollPolicy()).isSameAs(PollPolicy.defaults());
    }

    @Test
    void timeoutsMustBePositive() {
        assertThatThrownBy(() -> RunflowClient.builder().connectTimeout(Duration.ZERO))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("connectTimeout must be positive, got PT0S");
        assertThatThrownBy(() -> RunflowClient.builder().readTimeout(Duration.ofSeconds(-1)))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("readTimeout must be positive, got PT-1S");
        assertThatThrownBy(() -> RunflowClient.builder().readTimeout(null)).hasMessage("readTimeout");
    }

    @Test
    void nullCollaboratorsAreRefusedByName() {
        RunflowClient.Builder builder = RunflowClient.builder();
        assertThatThrownBy(() -> builder.retryPolicy(null)).hasMessage("retryPolicy");
        assertThatThrownBy(() -> builder.pollPolicy(null)).hasMessage("pollPolicy");
        assertThatThrownBy(() -> builder.clock(null)).hasMessage("clock");
        assertThatThrownBy(() -> builder.sleeper(null)).hasMessage("sleeper");
        assertThatThrownBy(() -> builder.scheduler(null)).hasMessage("scheduler");
        assertThatThrownBy(() -> builder.executor(null)).hasMessage("executor");
        assertThatThrownBy(() -> builder.observer(null)).hasMessage("observer");
        assertThatThrownBy(() -> builder.transport(null)).hasMessage("transport");
        assertThatThrownBy(() -> builder.apiKey(null)).hasMessage("apiKey");
        assertThatThrownBy(() -> builder.baseUrl(null)).hasMessage("baseUrl");
        assertThatThrownBy(() -> builder.userAgent(null)).hasMessage("userAgent");
    }

    @Test
    void aTransportThatReturnsNothingIsRefused() {
        assertThatThrownBy(() -> RunflowClient.builder()
                        .apiKey(KEY)
                        .transport(options -> null)
                        .build())
                .isExactlyInstanceOf(NullPointerException.class)
                .hasMessage("transport returned no RunflowApi");
    }

    @Test
    void theApiKeyIsStrippedAndMayHoldAnyVisibleCharacter() {
        RunflowClient runflow = RunflowClient.builder()
                .apiKey("  rf_!~  ")
                .transport(options -> api)
                .build();
        assertThat(runflow.options().apiKey()).isEqualTo("rf_!~");
        runflow.close();
    }

    @Test
    void aKeyThatOnlyStartsLikeAPlaceholderIsAKey() {
        RunflowClient runflow = RunflowClient.builder()
                .apiKey("${half")
                .transport(options -> api)
                .build();
        assertThat(runflow.options().apiKey()).isEqualTo("${half");
        runflow.close();
        assertThatThrownBy(() -> RunflowClient.builder().apiKey("rf_\u007f"))
                .hasMessage("apiKey must be visible ASCII characters without spaces");
    }

    @Test
    void aBlankOrganizationIsNone() {
        assertThat(options(RunflowClient.builder().organizationId(" ")).organizationId())
                .isNull();
        assertThat(options(RunflowClient.builder().organizationId(null)).organizationId())
                .isNull();
        assertThatThrownBy(() -> RunflowClient.builder().organizationId("org\u007f"))
                .hasMessage("organizationId must be printable ASCII without line breaks");
        assertThat(options(RunflowClient.builder().organizationId("org 1")).organizationId())
                .isEqualTo("org 1");
    }

    @Test
    void userAgentMustNotBeBlank() {
        assertThatThrownBy(() -> RunflowClient.builder().userAgent("  "))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("userAgent must be printable ASCII without line breaks, and not blank");
        assertThatThrownBy(() -> RunflowClient.builder().userAgent("caf\u00e9"))
                .isExactlyInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theBaseUrlMayBeHttpOrHttpsInAnyCaseAndNeedsAHost() {
        assertThat(options(RunflowClient.builder().baseUrl(" HTTPS://api.example "))
                        .baseUrl())
                .isEqualTo(URI.create("HTTPS://api.example"));
        assertThat(options(RunflowClient.builder().baseUrl("https://api.example/v2"))
                        .baseUrl())
                .isEqualTo(URI.create("https://api.example/v2"));
        assertThatThrownBy(() -> RunflowClient.builder().baseUrl("ftp://api.example"))
                .hasMessage("baseUrl must be an absolute http or https URL, got: ftp://api.example");
        assertThatThrownBy(() -> RunflowClient.builder().baseUrl("https:///path"))
                .hasMessage("baseUrl must be an absolute http or https URL, got: https:///path");
        assertThatThrownBy(() -> RunflowClient.builder().baseUrl("https://api.example#top"))
                .hasMessage("baseUrl must not have a query or fragment, got: https://api.example#top");
        assertThatThrownBy(() -> RunflowClient.builder().baseUrl("https://exa mple"))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("baseUrl is not a valid URL: https://exa mple");
    }

    @Test
    void fromEnvFallsBackToTheVariableWhenThePropertyIsBlank() {
        Map<String, String> env = Map.of("RUNFLOW_API_KEY", "rf_env", "RUNFLOW_ORGANIZATION_ID", "org-env");
        Map<String, String> properties = Map.of("runflow.apiKey", " ");

        RunflowClient runflow = RunflowClient.builder()
                .fromEnv(env::get, properties::get)
                .transport(options -> api)
                .build();

        assertThat(runflow.options().apiKey()).isEqualTo("rf_env");
        assertThat(runflow.options().organizationId()).isEqualTo("org-env");
        assertThat(runflow.options().baseUrl()).isEqualTo(URI.create("https://api.runflow.io"));
        runflow.close();
    }

    @Test
    void theBuilderShowsWhetherAKeyIsSetAndTheBaseUrl() {
        assertThat(RunflowClient.builder().toString())
                .isEqualTo("RunflowClient.Builder[apiKey=unset, baseUrl=https://api.runflow.io]");
        assertThat(RunflowClient.builder()
                        .apiKey(KEY)
                        .baseUrl("http://127.0.0.1:1")
                        .toString())
                .isEqualTo("RunflowClient.Builder[apiKey=***, baseUrl=http://127.0.0.1:1]");
    }

    @Test
    void theFacadesAreAlwaysTheSame() {
        try (RunflowClient runflow =
                RunflowClient.builder().apiKey(KEY).transport(options -> api).build()) {
            assertThat(runflow.runs()).isSameAs(runflow.runs()).isNotNull();
            assertThat(runflow.batches()).isSameAs(runflow.batches()).isNotNull();
            assertThat(runflow.assets()).isSameAs(runflow.assets()).isNotNull();
            assertThat(runflow.account()).isSameAs(runflow.account()).isNotNull();
            assertThat(runflow.models()).isSameAs(runflow.models()).isNotNull();
            assertThat(runflow.callbackSecrets())
                    .isSameAs(runflow.callbackSecrets())
                    .isNotNull();
            assertThat(runflow.callbacks()).isSameAs(runflow.callbacks()).isNotNull();
            assertThat(runflow.healthAsync().join().ok()).isTrue();
        }
    }
}
