package io.runflow.micronaut;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Creator;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import io.micronaut.core.convert.format.ReadableBytes;
import io.runflow.ClientSettings;
import io.runflow.webhook.DedupKind;
import io.runflow.webhook.NotifyKind;
import io.runflow.webhook.WebhookSettings;
import java.time.Duration;
import java.util.List;

/**
 * The {@code runflow.*} configuration, key for key the Spring Boot starter's. A key left unset is
 * {@code null} here and keeps core's default, so the defaults live in one place.
 *
 * <pre>{@code
 * runflow:
 *   api-key: ${RUNFLOW_API_KEY}
 *   webhook:
 *     secrets: ${RUNFLOW_WEBHOOK_SECRET}   # the webhook controller exists only with secrets
 * }</pre>
 *
 * <p>The annotation processor lists every key with its description in the jar's {@code
 * META-INF/spring-configuration-metadata.json}. {@link #toString()} never shows the key or a secret.
 *
 * @param enabled whether to configure Runflow at all; false removes every bean of this module
 * @param apiKey the API key from the Runflow dashboard, sent as a Bearer token; required
 * @param baseUrl the API's base URL; default https://api.runflow.io
 * @param organizationId the organization to act in, sent as X-Organization-Id; default the key's own
 * @param timeouts the HTTP timeouts
 * @param retry when failed requests are retried
 * @param poll how waits for a run poll
 * @param webhook the controller that receives Runflow's signed callbacks
 * @param health the health indicator
 * @param tracing tracing of runs, when an ObservationRegistry and a tracer exist
 */
@ConfigurationProperties(RunflowConfiguration.PREFIX)
@Requires(property = RunflowConfiguration.ENABLED, notEquals = "false")
public record RunflowConfiguration(
        @Bindable(defaultValue = "true") boolean enabled,
        @Nullable String apiKey,
        @Nullable String baseUrl,
        @Nullable String organizationId,
        Timeouts timeouts,
        Retry retry,
        Poll poll,
        Webhook webhook,
        Health health,
        Tracing tracing) {

    /** The prefix of every key. */
    public static final String PREFIX = "runflow";

    /** {@code runflow.enabled}: {@code false} removes every bean of this module. */
    public static final String ENABLED = PREFIX + ".enabled";

    /** {@code runflow.webhook.secrets}: the callback signing secrets; the webhook exists only with them. */
    public static final String WEBHOOK_SECRETS = PREFIX + ".webhook.secrets";

    /** {@code runflow.webhook.path}: where the webhook controller listens. */
    public static final String WEBHOOK_PATH = PREFIX + ".webhook.path";

    /** {@code runflow.webhook.dedup}: {@code memory} (default), {@code jdbc} or {@code none}. */
    public static final String WEBHOOK_DEDUP = PREFIX + ".webhook.dedup";

    /** {@code runflow.tracing.metadata}: {@code false} keeps the trace context out of runs' metadata. */
    public static final String TRACING_METADATA = PREFIX + ".tracing.metadata";

    /** {@code runflow.webhook.notify}: {@code postgres} (default with {@code dedup=jdbc}) or {@code none}. */
    public static final String WEBHOOK_NOTIFY = PREFIX + ".webhook.notify";

    /** {@code runflow.webhook.reconcile.enabled}: {@code false} turns catching up on missed callbacks off. */
    public static final String WEBHOOK_RECONCILE_ENABLED = PREFIX + ".webhook.reconcile.enabled";

    /** {@code runflow.health.enabled}: {@code false} removes the health indicator. */
    public static final String HEALTH_ENABLED = PREFIX + ".health.enabled";

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
                .maxBodySize(webhook.maxBodySize())
                .dedup(webhook.dedup())
                .transactional(webhook.transactional())
                .reconcileEnabled(
                        webhook.reconcile() == null ? null : webhook.reconcile().enabled())
                .reconcileAfter(
                        webhook.reconcile() == null ? null : webhook.reconcile().after())
                .reconcileInterval(
                        webhook.reconcile() == null ? null : webhook.reconcile().interval())
                .notifyKind(webhook.notifyKind())
                .build();
    }

    @Override
    public String toString() {
        return "RunflowConfiguration[enabled=" + enabled + ", apiKey=" + (apiKey == null ? "unset" : "***")
                + ", baseUrl=" + baseUrl + ", organizationId=" + organizationId + ", timeouts=" + timeouts + ", retry="
                + retry + ", poll=" + poll + ", webhook=" + webhook + ", health=" + health + ", tracing=" + tracing
                + "]";
    }

    /**
     * {@code runflow.timeouts.*}: the HTTP timeouts.
     *
     * @param connect how long to wait for a connection; default 10 s
     * @param read how long to wait for a response; default 60 s
     */
    @ConfigurationProperties("timeouts")
    public record Timeouts(
            @Nullable Duration connect, @Nullable Duration read) {}

    /**
     * {@code runflow.retry.*}: when failed requests (429, 5xx, I/O errors) are retried.
     *
     * @param maxAttempts how many attempts a call makes in all, 1 turning retries off; default 5
     * @param initialDelay the delay before the first retry, doubled for each next one; default 1 s
     * @param maxDelay the cap of the delay between attempts; default 32 s
     */
    @ConfigurationProperties("retry")
    public record Retry(
            @Nullable Integer maxAttempts,
            @Nullable Duration initialDelay,
            @Nullable Duration maxDelay) {}

    /**
     * {@code runflow.poll.*}: how waits for runs poll, and how long they wait.
     *
     * @param initialInterval the interval before the first poll, and after each change; default 1 s
     * @param maxInterval the cap of the interval between polls; default 5 s
     * @param timeout how long a wait lasts before it ends in a timeout; default 5 min
     */
    @ConfigurationProperties("poll")
    public record Poll(
            @Nullable Duration initialInterval,
            @Nullable Duration maxInterval,
            @Nullable Duration timeout) {}

    /**
     * {@code runflow.webhook.*}: the controller that receives Runflow's callbacks.
     *
     * @param path where the controller listens, the path of the callback_url; default /runflow/webhook
     * @param secrets the callback signing secrets (whsec_...); the controller exists only with them
     * @param maxBodySize the largest callback body accepted, in bytes or as 512KB or 2MB; default 1 MB
     * @param dedup how repeated deliveries are recognized: memory (default), jdbc or none
     * @param transactional whether each callback's mark and its listeners share one transaction, so
     *     that a listener that throws or an instance that dies leaves no mark; needs dedup=jdbc; default
     *     true with dedup=jdbc
     * @param reconcile catching up on callbacks that never arrived
     * @param notifyKind the key {@code runflow.webhook.notify} (a component cannot be named {@code
     *     notify}: its accessor would clash with {@link Object#notify()}; the constructor Micronaut binds
     *     with names the parameter so): how a callback ends the waits on other instances, postgres
     *     (NOTIFY/LISTEN on the data source, the default with dedup=jdbc on PostgreSQL) or none (they
     *     end by polling)
     */
    @ConfigurationProperties("webhook")
    public record Webhook(
            @Nullable String path,
            @Nullable List<String> secrets,
            @Nullable @ReadableBytes Long maxBodySize,
            @Nullable DedupKind dedup,
            @Nullable Boolean transactional,
            @Nullable Reconcile reconcile,
            @Nullable NotifyKind notifyKind) {

        /**
         * The constructor Micronaut binds {@code runflow.webhook.*} with: the same components, {@code
         * notify} first, so that the key is {@code runflow.webhook.notify}.
         *
         * @param notify how a callback ends the waits on other instances: postgres (NOTIFY/LISTEN on the
         *     data source; default with dedup=jdbc on PostgreSQL) or none (polling)
         * @param path where the controller listens, the path of the callback_url; default /runflow/webhook
         * @param secrets the callback signing secrets (whsec_...); the controller exists only with them
         * @param maxBodySize the largest callback body accepted, in bytes or as 512KB or 2MB; default 1 MB
         * @param dedup how repeated deliveries are recognized: memory (default), jdbc or none
         * @param transactional whether each callback's mark and its listeners share one transaction, so
         *     that a listener that throws or an instance that dies leaves no mark; needs dedup=jdbc;
         *     default true with dedup=jdbc
         * @param reconcile catching up on callbacks that never arrived
         */
        @Creator
        public Webhook(
                @Nullable NotifyKind notify,
                @Nullable String path,
                @Nullable List<String> secrets,
                @Nullable @ReadableBytes Long maxBodySize,
                @Nullable DedupKind dedup,
                @Nullable Boolean transactional,
                @Nullable Reconcile reconcile) {
            this(path, secrets, maxBodySize, dedup, transactional, reconcile, notify);
        }

        @Override
        public String toString() {
            return "Webhook[path=" + path + ", secrets=" + (secrets == null ? 0 : secrets.size())
                    + " (redacted), maxBodySize=" + maxBodySize + ", dedup=" + dedup + ", transactional="
                    + transactional + ", reconcile=" + reconcile + ", notify=" + notifyKind + "]";
        }

        /**
         * {@code runflow.webhook.reconcile.*}: runs created with a callback URL are recorded in the
         * application's database, and those without callback after a while are read from the API and
         * handed to the listeners.
         *
         * @param enabled whether runs are recorded and overdue ones looked up; needs dedup=jdbc; default
         *     true with dedup=jdbc
         * @param after how long after its creation a run without callback is looked up; default 5 min
         * @param interval how often overdue runs are looked for, on every instance; default 1 min
         */
        @ConfigurationProperties("reconcile")
        public record Reconcile(
                @Nullable Boolean enabled,
                @Nullable Duration after,
                @Nullable Duration interval) {}
    }

    /**
     * {@code runflow.health.*}: the {@code runflow} health indicator.
     *
     * @param enabled whether the indicator exists (when micronaut-management is present); default true
     */
    @ConfigurationProperties("health")
    public record Health(@Bindable(defaultValue = "true") boolean enabled) {}

    /**
     * {@code runflow.tracing.*}: tracing of runs.
     *
     * @param metadata whether a run's create stores the trace context in the run's metadata (key
     *     _runflow_trace), so that its callback continues the trace; default true
     */
    @ConfigurationProperties("tracing")
    public record Tracing(@Nullable Boolean metadata) {}
}
