package io.runflow.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.runflow.PollPolicy;
import io.runflow.RetryPolicy;
import io.runflow.RunflowClient;
import io.runflow.RunflowOptions;
import io.runflow.webhook.WebhookSettings;
import io.runflow.webhook.WebhookVerifier;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.util.unit.DataSize;

/**
 * An application that sets only {@code runflow.api-key} gets core's defaults, not a copy of them:
 * the properties are overrides, and each one applies alone.
 */
class CoreDefaultsTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(RunflowAutoConfigurationTest.RUNFLOW)
            .withPropertyValues("runflow.api-key=rf_test_key");

    @Test
    void anAppThatSetsOnlyTheApiKeyGetsCoresDefaultsFieldByField() {
        runner.run(context -> {
            RunflowOptions options = context.getBean(RunflowClient.class).options();
            assertThat(options.baseUrl()).hasToString(RunflowClient.DEFAULT_BASE_URL);
            assertThat(options.organizationId()).isNull();
            assertThat(options.connectTimeout()).isEqualTo(RunflowClient.DEFAULT_CONNECT_TIMEOUT);
            assertThat(options.readTimeout()).isEqualTo(RunflowClient.DEFAULT_READ_TIMEOUT);

            RetryPolicy retry = options.retryPolicy();
            RetryPolicy coreRetry = RetryPolicy.defaults();
            assertThat(retry.maxAttempts()).isEqualTo(coreRetry.maxAttempts());
            assertThat(retry.initialDelay()).isEqualTo(coreRetry.initialDelay());
            assertThat(retry.maxDelay()).isEqualTo(coreRetry.maxDelay());
            assertThat(retry.maxJitter()).isEqualTo(coreRetry.maxJitter());
            assertThat(retry.maxRetryAfter()).isEqualTo(coreRetry.maxRetryAfter());

            PollPolicy poll = options.pollPolicy();
            PollPolicy corePoll = PollPolicy.defaults();
            assertThat(poll.initialInterval()).isEqualTo(corePoll.initialInterval());
            assertThat(poll.maxInterval()).isEqualTo(corePoll.maxInterval());
            assertThat(poll.multiplier()).isEqualTo(corePoll.multiplier());
            assertThat(poll.jitter()).isEqualTo(corePoll.jitter());
            assertThat(poll.timeout()).isEqualTo(corePoll.timeout());
        });
    }

    @Test
    void anAppThatSetsOnlyTheApiKeyGetsCoresDefaultBuilderValues() {
        RunflowOptions core;
        try (RunflowClient plain = RunflowClient.builder().apiKey("rf_test_key").build()) {
            core = plain.options();
        }
        runner.run(context -> {
            RunflowOptions options = context.getBean(RunflowClient.class).options();
            assertThat(options.baseUrl()).isEqualTo(core.baseUrl());
            assertThat(options.connectTimeout()).isEqualTo(core.connectTimeout());
            assertThat(options.readTimeout()).isEqualTo(core.readTimeout());
            assertThat(options.retryPolicy()).isSameAs(core.retryPolicy());
            assertThat(options.pollPolicy()).isSameAs(core.pollPolicy());
        });
    }

    @Test
    void oneRetryKeyChangesThatValueAndKeepsTheOtherDefaults() {
        runner.withPropertyValues("runflow.retry.max-attempts=2").run(context -> {
            RetryPolicy retry = context.getBean(RunflowClient.class).options().retryPolicy();
            assertThat(retry.maxAttempts()).isEqualTo(2);
            assertThat(retry.initialDelay()).isEqualTo(RetryPolicy.defaults().initialDelay());
            assertThat(retry.maxDelay()).isEqualTo(RetryPolicy.defaults().maxDelay());
        });
        runner.withPropertyValues("runflow.retry.initial-delay=3s").run(context -> {
            RetryPolicy retry = context.getBean(RunflowClient.class).options().retryPolicy();
            assertThat(retry.maxAttempts()).isEqualTo(RetryPolicy.defaults().maxAttempts());
            assertThat(retry.initialDelay()).isEqualTo(Duration.ofSeconds(3));
            assertThat(retry.maxDelay()).isEqualTo(RetryPolicy.defaults().maxDelay());
        });
        runner.withPropertyValues("runflow.retry.max-delay=8s").run(context -> {
            RetryPolicy retry = context.getBean(RunflowClient.class).options().retryPolicy();
            assertThat(retry.initialDelay()).isEqualTo(RetryPolicy.defaults().initialDelay());
            assertThat(retry.maxDelay()).isEqualTo(Duration.ofSeconds(8));
        });
    }

    @Test
    void onePollKeyChangesThatValueAndKeepsTheOtherDefaults() {
        runner.withPropertyValues("runflow.poll.timeout=30s").run(context -> {
            PollPolicy poll = context.getBean(RunflowClient.class).options().pollPolicy();
            assertThat(poll.initialInterval()).isEqualTo(PollPolicy.defaults().initialInterval());
            assertThat(poll.maxInterval()).isEqualTo(PollPolicy.defaults().maxInterval());
            assertThat(poll.timeout()).isEqualTo(Duration.ofSeconds(30));
        });
        runner.withPropertyValues("runflow.poll.initial-interval=2s").run(context -> {
            PollPolicy poll = context.getBean(RunflowClient.class).options().pollPolicy();
            assertThat(poll.initialInterval()).isEqualTo(Duration.ofSeconds(2));
            assertThat(poll.maxInterval()).isEqualTo(PollPolicy.defaults().maxInterval());
            assertThat(poll.timeout()).isEqualTo(PollPolicy.defaults().timeout());
        });
        runner.withPropertyValues("runflow.poll.max-interval=9s")
                .run(context -> assertThat(context.getBean(RunflowClient.class)
                                .options()
                                .pollPolicy()
                                .maxInterval())
                        .isEqualTo(Duration.ofSeconds(9)));
    }

    @Test
    void oneTimeoutKeyChangesThatTimeoutOnly() {
        runner.withPropertyValues("runflow.timeouts.read=5s").run(context -> {
            RunflowOptions options = context.getBean(RunflowClient.class).options();
            assertThat(options.connectTimeout()).isEqualTo(RunflowClient.DEFAULT_CONNECT_TIMEOUT);
            assertThat(options.readTimeout()).isEqualTo(Duration.ofSeconds(5));
        });
        runner.withPropertyValues("runflow.timeouts.connect=1s").run(context -> {
            RunflowOptions options = context.getBean(RunflowClient.class).options();
            assertThat(options.connectTimeout()).isEqualTo(Duration.ofSeconds(1));
            assertThat(options.readTimeout()).isEqualTo(RunflowClient.DEFAULT_READ_TIMEOUT);
        });
    }

    @Test
    void theWebhookKeysOverrideCoresDefaults() {
        runner.withPropertyValues("runflow.webhook.secrets=whsec_a")
                .run(context -> assertThat(
                                context.getBean(WebhookVerifier.class).maxBodySize())
                        .isEqualTo(WebhookVerifier.DEFAULT_MAX_BODY_SIZE));
        runner.withPropertyValues("runflow.webhook.secrets=whsec_a", "runflow.webhook.max-body-size=64KB")
                .run(context -> assertThat(
                                context.getBean(WebhookVerifier.class).maxBodySize())
                        .isEqualTo(65_536L));
    }

    /** The defaults the IDE shows (additional metadata) are core's, so documentation cannot drift. */
    @Test
    void theDocumentedDefaultsAreCores() throws IOException {
        Map<String, String> documented = new HashMap<>();
        try (InputStream in = getClass()
                .getClassLoader()
                .getResourceAsStream("META-INF/additional-spring-configuration-metadata.json")) {
            for (JsonNode property : new ObjectMapper().readTree(in).path("properties")) {
                documented.put(
                        property.path("name").asText(),
                        property.path("defaultValue").asText());
            }
        }
        assertThat(documented.get("runflow.base-url")).isEqualTo(RunflowClient.DEFAULT_BASE_URL);
        assertThat(duration(documented, "runflow.timeouts.connect")).isEqualTo(RunflowClient.DEFAULT_CONNECT_TIMEOUT);
        assertThat(duration(documented, "runflow.timeouts.read")).isEqualTo(RunflowClient.DEFAULT_READ_TIMEOUT);
        assertThat(Integer.parseInt(documented.get("runflow.retry.max-attempts")))
                .isEqualTo(RetryPolicy.defaults().maxAttempts());
        assertThat(duration(documented, "runflow.retry.initial-delay"))
                .isEqualTo(RetryPolicy.defaults().initialDelay());
        assertThat(duration(documented, "runflow.retry.max-delay"))
                .isEqualTo(RetryPolicy.defaults().maxDelay());
        assertThat(duration(documented, "runflow.poll.initial-interval"))
                .isEqualTo(PollPolicy.defaults().initialInterval());
        assertThat(duration(documented, "runflow.poll.max-interval"))
                .isEqualTo(PollPolicy.defaults().maxInterval());
        assertThat(duration(documented, "runflow.poll.timeout"))
                .isEqualTo(PollPolicy.defaults().timeout());
        assertThat(documented.get("runflow.webhook.path")).isEqualTo(WebhookSettings.DEFAULT_PATH);
        assertThat(DataSize.parse(documented.get("runflow.webhook.max-body-size"))
                        .toBytes())
                .isEqualTo(WebhookVerifier.DEFAULT_MAX_BODY_SIZE);
        assertThat(documented.get("runflow.webhook.dedup"))
                .isEqualToIgnoringCase(WebhookSettings.builder().build().dedup().name());
    }

    private static Duration duration(Map<String, String> documented, String key) {
        return DurationStyle.detectAndParse(documented.get(key));
    }
}
