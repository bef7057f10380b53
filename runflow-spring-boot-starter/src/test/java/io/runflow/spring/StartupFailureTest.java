package io.runflow.spring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Bad runflow.* properties fail start-up with one description and one action, never a secret. */
class StartupFailureTest {

    private static final String OFF = " or turn Runflow off with runflow.enabled=false.";

    private final ApplicationContextRunner runner =
            new ApplicationContextRunner().withConfiguration(RunflowAutoConfigurationTest.RUNFLOW);

    @Test
    void aReconcileIntervalThatIsNotPositive() {
        assertAnalysis(
                runner.withPropertyValues(
                        "runflow.api-key=rf_k",
                        "runflow.webhook.secrets=whsec_a",
                        "runflow.webhook.reconcile.interval=0s"),
                "runflow.webhook.reconcile.interval is invalid: it must be positive, got PT0S.",
                "Set runflow.webhook.reconcile.interval to a positive duration, for example 5m, or remove it for the"
                        + " default.");
    }

    @Test
    void transactionalDeliveryWithoutTheJdbcStore() {
        assertAnalysis(
                runner.withPropertyValues(
                        "runflow.api-key=rf_k",
                        "runflow.webhook.secrets=whsec_a",
                        "runflow.webhook.transactional=true"),
                "runflow.webhook.transactional=true needs runflow.webhook.dedup=jdbc, and dedup is memory.",
                "Set runflow.webhook.dedup=jdbc (the marks then share the listeners' transaction), or remove"
                        + " runflow.webhook.transactional.");
    }

    @Test
    void aMissingApiKey() {
        assertAnalysis(
                runner,
                "runflow.api-key is not set, so no RunflowClient can be created.",
                "Set runflow.api-key (for example runflow.api-key=${RUNFLOW_API_KEY}), define your own"
                        + " RunflowClient bean," + OFF);
    }

    @Test
    void aBlankApiKey() {
        assertAnalysis(
                runner.withPropertyValues("runflow.api-key=  "),
                "runflow.api-key is blank.",
                "Set runflow.api-key to an API key from the Runflow dashboard," + OFF);
    }

    @Test
    void anUnresolvedPlaceholderAsApiKey() {
        assertAnalysis(
                runner.withPropertyValues("runflow.api-key=${RUNFLOW_TEST_NOT_SET_ANYWHERE}"),
                "runflow.api-key is the unresolved placeholder ${RUNFLOW_TEST_NOT_SET_ANYWHERE}.",
                "Set the environment variable or property RUNFLOW_TEST_NOT_SET_ANYWHERE, or set runflow.api-key"
                        + " directly," + OFF);
    }

    @Test
    void anInvalidApiKeyWithoutShowingIt() {
        FailureAnalysis analysis = assertAnalysis(
                runner.withPropertyValues("runflow.api-key=rf secret with spaces"),
                "runflow.api-key is invalid: apiKey must be visible ASCII characters without spaces.",
                "Correct runflow.api-key," + OFF);
        assertThat(analysis.getDescription() + analysis.getAction()).doesNotContain("secret with");
    }

    @Test
    void anInvalidBaseUrl() {
        assertAnalysis(
                runner.withPropertyValues("runflow.api-key=rf_k", "runflow.base-url=ftp://example.com"),
                "runflow.base-url is invalid: baseUrl must be an absolute http or https URL, got: ftp://example.com.",
                "Correct runflow.base-url," + OFF);
    }

    @Test
    void anInitialRetryDelayOverTheMaximum() {
        assertAnalysis(
                runner.withPropertyValues(
                        "runflow.api-key=rf_k", "runflow.retry.initial-delay=10s", "runflow.retry.max-delay=1s"),
                "runflow.retry is invalid: initialDelay PT10S must not exceed maxDelay PT1S.",
                "Correct runflow.retry," + OFF);
    }

    @Test
    void aMaxAttemptsBelowOne() {
        assertAnalysis(
                runner.withPropertyValues("runflow.api-key=rf_k", "runflow.retry.max-attempts=0"),
                "runflow.retry.max-attempts is invalid: maxAttempts must be at least 1, got 0.",
                "Correct runflow.retry.max-attempts," + OFF);
    }

    @Test
    void anInitialPollIntervalOverTheDefaultMaximum() {
        assertAnalysis(
                runner.withPropertyValues("runflow.api-key=rf_k", "runflow.poll.initial-interval=10s"),
                "runflow.poll is invalid: initialInterval PT10S must not exceed maxInterval PT5S.",
                "Correct runflow.poll," + OFF);
    }

    @Test
    void everyProblemAtOnce() {
        assertAnalysis(
                runner.withPropertyValues("runflow.timeouts.connect=0s"),
                "runflow.api-key is not set, so no RunflowClient can be created.\n"
                        + "runflow.timeouts.connect is invalid: connectTimeout must be positive, got PT0S.",
                "Set runflow.api-key (for example runflow.api-key=${RUNFLOW_API_KEY}), define your own"
                        + " RunflowClient bean," + OFF + "\nCorrect runflow.timeouts.connect," + OFF);
    }

    @Test
    void aWebhookPathWithoutASlash() {
        assertAnalysis(
                runner.withPropertyValues(
                        "runflow.api-key=rf_k", "runflow.webhook.secrets=whsec_a", "runflow.webhook.path=hooks"),
                "runflow.webhook.path is invalid: it must start with /.",
                "Set runflow.webhook.path to the path of your callback_url, for example /runflow/webhook.");
    }

    @Test
    void aBlankWebhookSecretList() {
        assertAnalysis(
                runner.withPropertyValues("runflow.api-key=rf_k", "runflow.webhook.secrets="),
                "runflow.webhook.secrets is blank.",
                "Set runflow.webhook.secrets to your callback signing secrets (whsec_...), or remove it to go"
                        + " without the webhook endpoint.");
    }

    @Test
    void aBlankWebhookSecretInTheList() {
        assertAnalysis(
                runner.withPropertyValues(
                        "runflow.api-key=rf_k", "runflow.webhook.secrets[0]=whsec_a", "runflow.webhook.secrets[1]= "),
                "runflow.webhook.secrets[1] is blank.",
                "Set runflow.webhook.secrets[1] to a callback signing secret (whsec_...)," + OFF);
    }

    @Test
    void anUnresolvedPlaceholderAsWebhookSecret() {
        assertAnalysis(
                runner.withPropertyValues(
                        "runflow.api-key=rf_k", "runflow.webhook.secrets=${RUNFLOW_TEST_SECRET_NOT_SET}"),
                "runflow.webhook.secrets[0] is the unresolved placeholder ${RUNFLOW_TEST_SECRET_NOT_SET}.",
                "Set the environment variable or property RUNFLOW_TEST_SECRET_NOT_SET, or set"
                        + " runflow.webhook.secrets[0] directly," + OFF);
    }

    @Test
    void jdbcDeduplicationWithoutADataSource() {
        assertAnalysis(
                runner.withPropertyValues(
                        "runflow.api-key=rf_k", "runflow.webhook.secrets=whsec_a", "runflow.webhook.dedup=jdbc"),
                "runflow.webhook.dedup=jdbc needs a single DataSource, and the application has none.",
                "Add a DataSource (for example spring-boot-starter-jdbc and spring.datasource.url), define a"
                        + " CallbackDeduplicator bean, or set runflow.webhook.dedup=memory.");
    }

    private static FailureAnalysis assertAnalysis(ApplicationContextRunner runner, String description, String action) {
        FailureAnalysis[] analysis = new FailureAnalysis[1];
        runner.run(context -> {
            assertThat(context).hasFailed();
            analysis[0] = new RunflowFailureAnalyzer().analyze(context.getStartupFailure());
        });
        assertThat(analysis[0]).isNotNull();
        assertThat(analysis[0].getDescription()).isEqualTo(description);
        assertThat(analysis[0].getAction()).isEqualTo(action);
        return analysis[0];
    }
}
