package io.runflow.spring;

import io.runflow.RunflowClient;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The {@code runflow.*} settings. Every key maps onto {@link RunflowClient#builder()} or the webhook
 * endpoint; only {@code runflow.api-key} is required.
 *
 * <pre>{@code
 * runflow.api-key=${RUNFLOW_API_KEY}
 * runflow.webhook.secrets=${RUNFLOW_WEBHOOK_SECRET}
 * }</pre>
 *
 * <p>{@link #toString()} shows neither the API key nor the webhook secrets.
 *
 * @param enabled Whether to configure Runflow at all; false removes every Runflow bean.
 * @param apiKey API key from the Runflow dashboard, sent as a Bearer token. Required.
 * @param baseUrl Base URL of the Runflow API.
 * @param organizationId Organization to act in, sent as X-Organization-Id. Default the key's own.
 * @param timeouts HTTP timeouts.
 * @param retry When failed requests are retried.
 * @param poll How waits for a run poll.
 * @param webhook The endpoint that receives Runflow's signed callbacks.
 * @param health The health indicator.
 */
@ConfigurationProperties("runflow")
public record RunflowProperties(
        @DefaultValue("true") boolean enabled,
        String apiKey,
        @DefaultValue(RunflowClient.DEFAULT_BASE_URL) String baseUrl,
        String organizationId,
        @DefaultValue Timeouts timeouts,
        @DefaultValue Retry retry,
        @DefaultValue Poll poll,
        @DefaultValue Webhook webhook,
        @DefaultValue Health health) {

    /** Checks the values. */
    public RunflowProperties {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(timeouts, "timeouts");
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(poll, "poll");
        Objects.requireNonNull(webhook, "webhook");
        Objects.requireNonNull(health, "health");
    }

    @Override
    public String toString() {
        return "RunflowProperties[enabled=" + enabled + ", apiKey=" + (apiKey == null ? "unset" : "***")
                + ", baseUrl=" + baseUrl + ", organizationId=" + organizationId + ", timeouts=" + timeouts
                + ", retry=" + retry + ", poll=" + poll + ", webhook=" + webhook + ", health=" + health + "]";
    }

    /**
     * The HTTP timeouts.
     *
     * @param connect How long to wait for a connection.
     * @param read How long to wait for a response.
     */
    public record Timeouts(
            @DefaultValue("10s") Duration connect,
            @DefaultValue("60s") Duration read) {}

    /**
     * When failed requests (429, 5xx, I/O errors) are retried, with exponential backoff and jitter.
     *
     * @param maxAttempts How many attempts a call makes in all; 1 turns retries off.
     * @param initialDelay Delay before the first retry, doubled for each further one.
     * @param maxDelay Longest delay between two attempts.
     */
    public record Retry(
            @DefaultValue("5") int maxAttempts,
            @DefaultValue("1s") Duration initialDelay,
            @DefaultValue("32s") Duration maxDelay) {}

    /**
     * How waits for a run poll when no callback ends them first.
     *
     * @param initialInterval Interval before the first poll, and after each change of status.
     * @param maxInterval Longest interval between two polls.
     * @param timeout How long a wait lasts before it ends in a RunTimeoutException.
     */
    public record Poll(
            @DefaultValue("1s") Duration initialInterval,
            @DefaultValue("5s") Duration maxInterval,
            @DefaultValue("5m") Duration timeout) {}

    /**
     * The endpoint that receives Runflow's signed callbacks; it exists when {@code secrets} is set.
     *
     * @param path Path of the webhook endpoint: the path of the callback_url given to Runflow.
     * @param secrets Callback signing secrets (whsec_...); several while a rotation is under way,
     *     a signature under any of them is accepted. The endpoint exists only when this is set.
     * @param maxBodySize Largest callback body accepted; a larger one is answered 413 unread.
     * @param dedup How repeated deliveries of a callback are recognised.
     */
    public record Webhook(
            @DefaultValue("/runflow/webhook") String path,
            @DefaultValue List<String> secrets,
            @DefaultValue("1MB") DataSize maxBodySize,
            @DefaultValue("memory") Dedup dedup) {

        /** Checks the values and copies the secrets. */
        public Webhook {
            Objects.requireNonNull(path, "path");
            secrets = List.copyOf(Objects.requireNonNull(secrets, "secrets"));
            Objects.requireNonNull(maxBodySize, "maxBodySize");
            Objects.requireNonNull(dedup, "dedup");
        }

        @Override
        public String toString() {
            return "Webhook[path=" + path + ", secrets=" + secrets.size() + " (redacted), maxBodySize=" + maxBodySize
                    + ", dedup=" + dedup + "]";
        }
    }

    /** How repeated deliveries of a callback are recognised. */
    public enum Dedup {
        /** In this instance's memory, bounded: enough for a single instance. */
        MEMORY,
        /** In a table of the application's DataSource, shared by every instance. */
        JDBC,
        /** Not at all: every delivery reaches the listeners, which must be idempotent. */
        NONE
    }

    /**
     * The {@code runflow} health indicator ({@code GET /v1/health}, cached, short timeout), when
     * Spring Boot Actuator is present.
     *
     * @param enabled Whether to register the runflow health indicator.
     */
    public record Health(@DefaultValue("true") boolean enabled) {}
}
