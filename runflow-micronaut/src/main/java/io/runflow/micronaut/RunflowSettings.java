package io.runflow.micronaut;

import io.micronaut.context.exceptions.ConfigurationException;
import io.runflow.PollPolicy;
import io.runflow.RetryPolicy;
import io.runflow.RunflowClient;
import io.runflow.webhook.WebhookVerifier;
import java.util.List;

/**
 * Turns {@link RunflowConfiguration} into core's builders, naming the key of any value they reject.
 * Core's messages never hold the key or a secret, so they are passed on as they are.
 */
final class RunflowSettings {

    private RunflowSettings() {}

    static RunflowClient.Builder clientBuilder(RunflowConfiguration config) {
        RunflowClient.Builder builder = RunflowClient.builder();
        String apiKey = config.getApiKey();
        if (apiKey == null) {
            throw new ConfigurationException(RunflowConfiguration.API_KEY
                    + " is not set: set it to your Runflow API key"
                    + " (for example runflow.api-key: ${RUNFLOW_API_KEY}), or set " + RunflowConfiguration.ENABLED
                    + "=false");
        }
        if (apiKey.isBlank()) {
            throw new ConfigurationException(RunflowConfiguration.API_KEY + " is blank: set it to your Runflow API key"
                    + " (is RUNFLOW_API_KEY empty?), or set " + RunflowConfiguration.ENABLED + "=false");
        }
        apply(RunflowConfiguration.API_KEY, () -> builder.apiKey(apiKey));
        apply("runflow.base-url", () -> builder.baseUrl(config.getBaseUrl()));
        apply("runflow.organization-id", () -> builder.organizationId(config.getOrganizationId()));
        apply(
                "runflow.timeouts.connect",
                () -> builder.connectTimeout(config.getTimeouts().getConnect()));
        apply(
                "runflow.timeouts.read",
                () -> builder.readTimeout(config.getTimeouts().getRead()));
        RunflowConfiguration.RetryConfiguration retry = config.getRetry();
        apply(
                "runflow.retry",
                () -> builder.retryPolicy(RetryPolicy.builder()
                        .maxAttempts(retry.getMaxAttempts())
                        .initialDelay(retry.getInitialDelay())
                        .maxDelay(retry.getMaxDelay())
                        .build()));
        RunflowConfiguration.PollConfiguration poll = config.getPoll();
        apply(
                "runflow.poll",
                () -> builder.pollPolicy(PollPolicy.builder()
                        .initialInterval(poll.getInitialInterval())
                        .maxInterval(poll.getMaxInterval())
                        .timeout(poll.getTimeout())
                        .build()));
        return builder;
    }

    static WebhookVerifier verifier(RunflowConfiguration config) {
        WebhookVerifier.Builder builder = WebhookVerifier.builder();
        List<String> secrets = config.getWebhook().getSecrets();
        for (int i = 0; i < secrets.size(); i++) {
            String secret = secrets.get(i);
            if (secret == null || secret.isBlank()) {
                throw new ConfigurationException(RunflowConfiguration.WEBHOOK_SECRETS + "[" + i + "] is blank: set it"
                        + " to a callback signing secret of your organization (whsec_...), or remove it");
            }
            builder.secret(secret);
        }
        if (secrets.isEmpty()) {
            throw new ConfigurationException(RunflowConfiguration.WEBHOOK_SECRETS + " is empty: set it to the callback"
                    + " signing secrets of your organization (whsec_...), or remove it");
        }
        apply(
                "runflow.webhook.max-body-size",
                () -> builder.maxBodySize(config.getWebhook().getMaxBodySize()));
        return builder.build();
    }

    private static void apply(String key, Runnable setter) {
        try {
            setter.run();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ConfigurationException(key + " is invalid: " + e.getMessage(), e);
        }
    }
}
