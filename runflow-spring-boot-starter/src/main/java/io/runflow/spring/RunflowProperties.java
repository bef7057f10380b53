package io.runflow.spring;

import io.runflow.ClientSettings;
import io.runflow.PollPolicy;
import io.runflow.RetryPolicy;
import io.runflow.RunflowClient;
import io.runflow.webhook.DedupKind;
import io.runflow.webhook.NotifyKind;
import io.runflow.webhook.WebhookSettings;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.Name;
import org.springframework.util.unit.DataSize;

/**
 * The {@code runflow.*} settings. Every key maps onto {@link RunflowClient#builder()} or the webhook
 * endpoint; only {@code runflow.api-key} is required. A key left unset is {@code null} here and
 * keeps core's default ({@link RetryPolicy#defaults()}, {@link PollPolicy#defaults()}, {@link
 * RunflowClient#DEFAULT_CONNECT_TIMEOUT}...), so the defaults live in one place.
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
 * @param baseUrl Base URL of the Runflow API. Default https://api.runflow.io.
 * @param organizationId Organization to act in, sent as X-Organization-Id. Default the key's own.
 * @param timeouts HTTP timeouts.
 * @param retry When failed requests are retried.
 * @param poll How waits for a run poll.
 * @param webhook The endpoint that receives Runflow's signed callbacks.
 * @param health The health indicator.
 * @param tracing Tracing of runs, when an ObservationRegistry and a tracer exist.
 */
@ConfigurationProperties("runflow")
public record RunflowProperties(
        @DefaultValue("true") boolean enabled,
        String apiKey,
        String baseUrl,
        String organizationId,
        @DefaultValue Timeouts timeouts,
        @DefaultValue Retry retry,
        @DefaultValue Poll poll,
        @DefaultValue Webhook webhook,
        @DefaultValue Health health,
        @DefaultValue Tracing tracing) {

    /** Checks the groups. */
    public RunflowProperties {
        Objects.requireNonNull(tracing, "tracing");
        Objects.requireNonNull(timeouts, "timeouts");
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(poll, "poll");
        Objects.requireNonNull(webhook, "webhook");
        Objects.requireNonNull(health, "health");
    }

    /**
     * Returns the client's settings, for core to check and apply.
     *
     * @return the set values; unset ones stay core's defaults
     */
    public ClientSettings clientSettings() {
        return ClientSettings.builder()
                .apiKey(apiKey)
                .baseUrl(baseUrl)
                .organizationId(organizationId)
                .connectTimeout(timeouts.connect())
                .readTimeout(timeouts.read())
                .retryMaxAttempts(retry.maxAttempts())
                .retryInitialDelay(retry.initialDelay())
                .retryMaxDelay(retry.maxDelay())
                .pollInitialInterval(poll.initialInterval())
                .pollMaxInterval(poll.maxInterval())
                .pollTimeout(poll.timeout())
                .tracingMetadata(tracing.metadata())
                .build();
    }

    /**
     * Returns the webhook's settings, for core to check and apply.
     *
     * @return the set values; unset ones stay core's defaults
     */
    public WebhookSettings webhookSettings() {
        return WebhookSettings.builder()
                .path(webhook.path())
                .secrets(webhook.secrets())
                .maxBodySize(
                        webhook.maxBodySize() == null
                                ? null
                                : webhook.maxBodySize().toBytes())
                .dedup(webhook.dedup())
                .transactional(webhook.transactional())
                .reconcileEnabled(webhook.reconcile().enabled())
                .reconcileAfter(webhook.reconcile().after())
                .reconcileInterval(webhook.reconcile().interval())
                .notifyKind(webhook.notifyKind())
                .build();
    }

    @Override
    public String toString() {
        return "RunflowProperties[enabled=" + enabled + ", apiKey=" + (apiKey == null ? "unset" : "***")
                + ", baseUrl=" + baseUrl + ", organizationId=" + organizationId + ", timeouts=" + timeouts
                + ", retry=" + retry + ", poll=" + poll + ", webhook=" + webhook + ", health=" + health + ", tracing="
                + tracing + "]";
    }

    /**
     * The HTTP timeouts.
     *
     * @param connect How long to wait for a connection. Default 10s.
     * @param read How long to wait for a response. Default 60s.
     */
    public record Timeouts(Duration connect, Duration read) {}

    /**
     * When failed requests (429, 5xx, I/O errors) are retried, with exponential backoff and jitter.
     *
     * @param maxAttempts How many attempts a call makes in all; 1 turns retries off. Default 5.
     * @param initialDelay Delay before the first retry, doubled for each further one. Default 1s.
     * @param maxDelay Longest delay between two attempts. Default 32s.
     */
    public record Retry(Integer maxAttempts, Duration initialDelay, Duration maxDelay) {}

    /**
     * How waits for a run poll when no callback ends them first.
     *
     * @param initialInterval Interval before the first poll, and after each change of status. Default 1s.
     * @param maxInterval Longest interval between two polls. Default 5s.
     * @param timeout How long a wait lasts before it ends in a RunTimeoutException. Default 5m.
     */
    public record Poll(Duration initialInterval, Duration maxInterval, Duration timeout) {}

    /**
     * The endpoint that receives Runflow's signed callbacks; it exists when {@code secrets} is set.
     *
     * @param path Path of the webhook endpoint: the path of the callback_url given to Runflow.
     *     Default /runflow/webhook.
     * @param secrets Callback signing secrets (whsec_...); several while a rotation is under way,
     *     a signature under any of them is accepted. The endpoint exists only when this is set.
     * @param maxBodySize Largest callback body accepted; a larger one is answered 413 unread. Default 1MB.
     * @param dedup How repeated deliveries of a callback are recognised. Default memory.
     * @param transactional Whether each callback's de-duplication mark and its listeners share one
     *     transaction of the application's transaction manager, so that a listener that throws or an
     *     instance that dies leaves no mark and the callback is delivered again. Needs dedup=jdbc.
     *     Default true with dedup=jdbc.
     * @param reconcile Catching up on callbacks that never arrived.
     * @param notifyKind How a callback ends the waits on other instances: postgres (NOTIFY/LISTEN on the
     *     DataSource when it is PostgreSQL) or none (polling). Default postgres with dedup=jdbc.
     */
    public record Webhook(
            String path,
            @DefaultValue List<String> secrets,
            DataSize maxBodySize,
            DedupKind dedup,
            Boolean transactional,
            @DefaultValue Reconcile reconcile,
            @Name("notify") NotifyKind notifyKind) {

        /** Copies the secrets. */
        public Webhook {
            secrets = List.copyOf(Objects.requireNonNull(secrets, "secrets"));
            Objects.requireNonNull(reconcile, "reconcile");
        }

        @Override
        public String toString() {
            return "Webhook[path=" + path + ", secrets=" + secrets.size() + " (redacted), maxBodySize=" + maxBodySize
                    + ", dedup=" + dedup + ", transactional=" + transactional + ", reconcile=" + reconcile + ", notify="
                    + notifyKind + "]";
        }
    }

    /**
     * Catching up on callbacks that never arrived (the application was down for all of Runflow's
     * attempts): runs created with a callback URL are recorded in the application's database, and
     * those without callback after a while are read from the API and handed to the listeners.
     *
     * @param enabled Whether runs are recorded and overdue ones looked up. Needs dedup=jdbc. Default
     *     true with dedup=jdbc.
     * @param after How long after its creation a run without callback is looked up. Default 5m.
     * @param interval How often overdue runs are looked for, on every instance. Default 1m.
     */
    public record Reconcile(Boolean enabled, Duration after, Duration interval) {}

    /**
     * The {@code runflow} health indicator ({@code GET /v1/health}, cached, short timeout), when
     * Spring Boot Actuator is present.
     *
     * @param enabled Whether to register the runflow health indicator.
     */
    public record Health(@DefaultValue("true") boolean enabled) {}

    /**
     * Tracing of runs.
     *
     * @param metadata Whether a run's create stores the trace context in the run's metadata (key
     *     _runflow_trace), so that its callback continues the trace. Default true.
     */
    public record Tracing(Boolean metadata) {}
}
