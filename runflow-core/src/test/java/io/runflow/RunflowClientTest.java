package io.runflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runflow.errors.NotFoundException;
import io.runflow.errors.RunflowApiException;
import io.runflow.model.ApiError;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunflowClientTest {

    private static final String KEY = "rf_live_0123456789abcdef";

    private final InMemoryRunflowApi api = new InMemoryRunflowApi();

    @Test
    void buildsWithDefaultsAndHandsTheFrozenOptionsToTheTransport() {
        RunflowOptions[] seen = new RunflowOptions[1];
        try (RunflowClient runflow = RunflowClient.builder()
                .apiKey(KEY)
                .transport(options -> {
                    seen[0] = options;
                    return api;
                })
                .build()) {
            assertThat(seen[0]).isSameAs(runflow.options());
            assertThat(seen[0].baseUrl()).isEqualTo(URI.create("https://api.runflow.io"));
            assertThat(seen[0].apiKey()).isEqualTo(KEY);
            assertThat(seen[0].organizationId()).isNull();
            assertThat(seen[0].userAgent()).startsWith("runflow-java/").doesNotContain("unknown");
            assertThat(seen[0].retryPolicy()).isSameAs(RetryPolicy.defaults());
            assertThat(runflow.health().ok()).isTrue();
        }
    }

    @Test
    void requiresAnApiKeyAndSaysHowToGiveOne() {
        assertThatThrownBy(
                        () -> RunflowClient.builder().transport(options -> api).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("apiKey is required: call RunflowClient.builder().apiKey(..) or set the"
                        + " RUNFLOW_API_KEY environment variable and use RunflowClient.fromEnv()");
    }

    @Test
    void rejectsKeysThatCannotTravelInAHeaderWithoutEchoingThem() {
        assertThatThrownBy(() -> RunflowClient.builder().apiKey(" ")).hasMessage("apiKey must not be blank");
        assertThatThrownBy(() -> RunflowClient.builder().apiKey("${RUNFLOW_API_KEY}"))
                .hasMessage("apiKey is the unresolved placeholder ${RUNFLOW_API_KEY}: set what it refers to");
        assertThatThrownBy(() -> RunflowClient.builder().apiKey("rf_live_abc def"))
                .hasMessage("apiKey must be visible ASCII characters without spaces");
    }

    @Test
    void headerValuesWithControlCharactersAreRejectedAtBuildTimeNotOnEveryRequest() {
        assertThatThrownBy(() -> RunflowClient.builder().userAgent("app\r\nX-Injected: 1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("userAgent must be printable ASCII without line breaks, and not blank");
        assertThatThrownBy(() -> RunflowClient.builder().organizationId("org\u0001x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("organizationId must be printable ASCII without line breaks");
        RunflowClient runflow = RunflowClient.builder()
                .apiKey(KEY)
                .userAgent(" my-app/1.0 (linux) ")
                .organizationId(" org-1 ")
                .transport(options -> api)
                .build();
        assertThat(runflow.options().userAgent()).isEqualTo("my-app/1.0 (linux)");
        assertThat(runflow.options().organizationId()).isEqualTo("org-1");
        runflow.close();
    }

    @Test
    void normalisesAndChecksTheBaseUrl() {
        RunflowClient runflow = RunflowClient.builder()
                .apiKey(KEY)
                .baseUrl("http://127.0.0.1:8089/")
                .transport(options -> api)
                .build();
        assertThat(runflow.options().baseUrl()).isEqualTo(URI.create("http://127.0.0.1:8089"));
        runflow.close();

        assertThatThrownBy(() -> RunflowClient.builder().baseUrl("api.runflow.io"))
                .hasMessage("baseUrl must be an absolute http or https URL, got: api.runflow.io");
        assertThatThrownBy(() -> RunflowClient.builder().baseUrl("https://api.runflow.io?x=1"))
                .hasMessage("baseUrl must not have a query or fragment, got: https://api.runflow.io?x=1");
    }

    @Test
    void withoutATransportOnTheClassPathTheErrorNamesTheArtifactToAdd() {
        assertThatThrownBy(() -> RunflowClient.builder().apiKey(KEY).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("no Runflow HTTP transport on the class path: add the dependency"
                        + " io.runflow:runflow-feign, or pass one with RunflowClient.builder().transport(..)");
    }

    @Test
    void fromEnvReadsVariablesAndSystemPropertiesWin() {
        Map<String, String> env = Map.of(
                "RUNFLOW_API_KEY", "rf_env",
                "RUNFLOW_BASE_URL", "https://env.example",
                "RUNFLOW_ORGANIZATION_ID", "org-env");
        Map<String, String> properties = Map.of("runflow.apiKey", "rf_prop", "runflow.organizationId", "org-prop");

        RunflowClient runflow = RunflowClient.builder()
                .fromEnv(env::get, properties::get)
                .transport(options -> api)
                .build();

        assertThat(runflow.options().apiKey()).isEqualTo("rf_prop");
        assertThat(runflow.options().baseUrl()).isEqualTo(URI.create("https://env.example"));
        assertThat(runflow.options().organizationId()).isEqualTo("org-prop");
        runflow.close();
    }

    @Test
    void fromEnvLeavesTheBuilderAloneWhenNothingIsSet() {
        RunflowClient.Builder builder = RunflowClient.builder().apiKey(KEY).fromEnv(name -> null, name -> " ");

        assertThat(builder.transport(options -> api).build().options().apiKey()).isEqualTo(KEY);
    }

    @Test
    void noToStringShowsTheApiKey() {
        RunflowClient.Builder builder = RunflowClient.builder().apiKey(KEY).transport(options -> api);
        RunflowClient runflow = builder.build();

        assertThat(builder.toString()).doesNotContain(KEY).contains("apiKey=***");
        assertThat(runflow.toString()).doesNotContain(KEY).contains("apiKey=***");
        assertThat(runflow.options().toString()).doesNotContain(KEY);
        runflow.close();
    }

    @Test
    void errorMessagesNeverContainTheApiKey() {
        RunflowApiException e = io.runflow.internal.json.ApiErrors.toException(
                401,
                Map.of(),
                "{\"code\":\"UNAUTHORIZED\",\"message\":\"bad key\"}"
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        RunflowClient runflow =
                RunflowClient.builder().apiKey(KEY).transport(options -> api).build();

        assertThat(e.getMessage()).doesNotContain(KEY);
        assertThatThrownBy(() -> runflow.runs().get("missing"))
                .satisfies(failure -> assertThat(failure.getMessage()).doesNotContain(KEY));
        runflow.close();
    }

    @Test
    void closeClosesTheTransportAndStopsTheOwnedThreads() {
        boolean[] closed = new boolean[1];
        RunflowApi closing = new DelegatingApi(api) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        RunflowClient runflow = RunflowClient.builder()
                .apiKey(KEY)
                .transport(options -> closing)
                .build();
        api.script("r1", io.runflow.model.RunStatus.QUEUED);
        java.util.concurrent.CompletableFuture<io.runflow.model.Run> wait =
                runflow.runs().awaitAsync("r1");

        runflow.close();

        assertThat(closed[0]).isTrue();
        assertThat(wait).isNotCompleted();
        assertThatThrownBy(() -> runflow.runs().awaitAsync("r1").join())
                .hasRootCauseInstanceOf(java.util.concurrent.RejectedExecutionException.class)
                .hasMessageContaining("client is closed; cannot wait for run r1");
    }

    @Test
    void modelsAndSecretsValidateTheirArguments() {
        RunflowClient runflow =
                RunflowClient.builder().apiKey(KEY).transport(options -> api).build();

        assertThat(runflow.models().get("black-forest-labs/flux-1-1-pro-ultra").slug())
                .isEqualTo("black-forest-labs/flux-1-1-pro-ultra");
        assertThatThrownBy(() -> runflow.models().get("a//b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> runflow.callbackSecrets().create("l".repeat(256)))
                .hasMessage("label must be at most 255 characters, got 256");
        assertThatThrownBy(() -> runflow.callbackSecrets().get("a/b"))
                .hasMessage("secretId must be a callback secret id, got \"a/b\"");
        assertThatThrownBy(() -> new io.runflow.model.CallbackSecretUpdate(null, null))
                .hasMessage("an update must change the label or the current flag");
        runflow.close();
    }

    @Test
    void apiExceptionsCarryTheirEnvelope() {
        ApiError error = new ApiError("RUN_NOT_FOUND", "gone", List.of());
        NotFoundException e = new NotFoundException(404, error, "req-1", "404 RUN_NOT_FOUND: gone");

        assertThat(e.error()).isSameAs(error);
        assertThat(e.errors()).isEmpty();
        assertThat(e.requestId()).contains("req-1");
    }
}
