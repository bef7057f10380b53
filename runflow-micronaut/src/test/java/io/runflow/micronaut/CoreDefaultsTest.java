package io.runflow.micronaut;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.runflow.PollPolicy;
import io.runflow.RetryPolicy;
import io.runflow.RunflowClient;
import io.runflow.RunflowOptions;
import io.runflow.webhook.WebhookVerifier;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An application that sets only {@code runflow.api-key} gets core's defaults, not a copy of them:
 * the configuration holds overrides, and each one applies alone.
 */
class CoreDefaultsTest {

    @Test
    void anAppThatSetsOnlyTheApiKeyGetsCoresDefaultsFieldByField() {
        RunflowOptions options = options(Map.of());

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
    }

    @Test
    void anAppThatSetsOnlyTheApiKeyGetsCoresDefaultBuilderValues() {
        RunflowOptions core;
        try (RunflowClient plain = RunflowClient.builder().apiKey("rf_test_key").build()) {
            core = plain.options();
        }
        RunflowOptions options = options(Map.of());

        assertThat(options.baseUrl()).isEqualTo(core.baseUrl());
        assertThat(options.connectTimeout()).isEqualTo(core.connectTimeout());
        assertThat(options.readTimeout()).isEqualTo(core.readTimeout());
        assertThat(options.retryPolicy()).isSameAs(core.retryPolicy());
        assertThat(options.pollPolicy()).isSameAs(core.pollPolicy());
    }

    @Test
    void oneRetryKeyChangesThatValueAndKeepsTheOtherDefaults() {
        RetryPolicy retry = options(Map.of("runflow.retry.max-attempts", "2")).retryPolicy();
        assertThat(retry.maxAttempts()).isEqualTo(2);
        assertThat(retry.initialDelay()).isEqualTo(RetryPolicy.defaults().initialDelay());
        assertThat(retry.maxDelay()).isEqualTo(RetryPolicy.defaults().maxDelay());

        retry = options(Map.of("runflow.retry.initial-delay", "3s")).retryPolicy();
        assertThat(retry.maxAttempts()).isEqualTo(RetryPolicy.defaults().maxAttempts());
        assertThat(retry.initialDelay()).isEqualTo(Duration.ofSeconds(3));
        assertThat(retry.maxDelay()).isEqualTo(RetryPolicy.defaults().maxDelay());

        retry = options(Map.of("runflow.retry.max-delay", "8s")).retryPolicy();
        assertThat(retry.initialDelay()).isEqualTo(RetryPolicy.defaults().initialDelay());
        assertThat(retry.maxDelay()).isEqualTo(Duration.ofSeconds(8));
    }

    @Test
    void onePollKeyChangesThatValueAndKeepsTheOtherDefaults() {
        PollPolicy poll = options(Map.of("runflow.poll.timeout", "30s")).pollPolicy();
        assertThat(poll.initialInterval()).isEqualTo(PollPolicy.defaults().initialInterval());
        assertThat(poll.maxInterval()).isEqualTo(PollPolicy.defaults().maxInterval());
        assertThat(poll.timeout()).isEqualTo(Duration.ofSeconds(30));

        poll = options(Map.of("runflow.poll.initial-interval", "2s")).pollPolicy();
        assertThat(poll.initialInterval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(poll.maxInterval()).isEqualTo(PollPolicy.defaults().maxInterval());
        assertThat(poll.timeout()).isEqualTo(PollPolicy.defaults().timeout());

        assertThat(options(Map.of("runflow.poll.max-interval", "9s"))
                        .pollPolicy()
                        .maxInterval())
                .isEqualTo(Duration.ofSeconds(9));
    }

    @Test
    void oneTimeoutKeyChangesThatTimeoutOnly() {
        RunflowOptions options = options(Map.of("runflow.timeouts.read", "5s"));
        assertThat(options.connectTimeout()).isEqualTo(RunflowClient.DEFAULT_CONNECT_TIMEOUT);
        assertThat(options.readTimeout()).isEqualTo(Duration.ofSeconds(5));

        options = options(Map.of("runflow.timeouts.connect", "1s"));
        assertThat(options.connectTimeout()).isEqualTo(Duration.ofSeconds(1));
        assertThat(options.readTimeout()).isEqualTo(RunflowClient.DEFAULT_READ_TIMEOUT);
    }

    @Test
    void theWebhookGetsCoresBodySizeLimitUnlessSet() {
        try (ApplicationContext context = ApplicationContext.run(
                Map.of("runflow.api-key", "rf_test_key", "runflow.webhook.secrets", "whsec_a"))) {
            assertThat(context.getBean(WebhookVerifier.class).maxBodySize())
                    .isEqualTo(WebhookVerifier.DEFAULT_MAX_BODY_SIZE);
        }
    }

    private static RunflowOptions options(Map<String, Object> overrides) {
        Map<String, Object> properties = new HashMap<>(overrides);
        properties.put("runflow.api-key", "rf_test_key");
        try (ApplicationContext context = ApplicationContext.run(properties)) {
            return context.getBean(RunflowClient.class).options();
        }
    }
}
