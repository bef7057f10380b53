package io.runflow.micronaut;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.convert.format.ReadableBytes;
import io.runflow.PollPolicy;
import io.runflow.RetryPolicy;
import io.runflow.RunflowClient;
import io.runflow.webhook.WebhookVerifier;
import java.time.Duration;
import java.util.List;

/**
 * The {@code runflow.*} configuration, key for key the Spring Boot starter's.
 *
 * <pre>{@code
 * runflow:
 *   api-key: ${RUNFLOW_API_KEY}
 *   webhook:
 *     secrets: ${RUNFLOW_WEBHOOK_SECRET}   # the webhook controller exists only with secrets
 * }</pre>
 *
 * <p>Every key is named once, here: the constants below are the keys that Micronaut annotations
 * refer to, and the annotation processor lists every key with its description in the jar's {@code
 * META-INF/spring-configuration-metadata.json}. Start-up fails with one message naming the key when
 * {@code runflow.api-key} is missing or blank, or a webhook secret is blank. {@link #toString()}
 * never shows the key or a secret.
 */
@ConfigurationProperties(RunflowConfiguration.PREFIX)
@Requires(property = RunflowConfiguration.ENABLED, notEquals = "false")
public class RunflowConfiguration {

    /** The prefix of every key. */
    public static final String PREFIX = "runflow";

    /** {@code runflow.enabled}: {@code false} removes every bean of this module. */
    public static final String ENABLED = PREFIX + ".enabled";

    /** {@code runflow.api-key}: the API key, required. */
    public static final String API_KEY = PREFIX + ".api-key";

    /** {@code runflow.webhook.secrets}: the callback signing secrets; the webhook exists only with them. */
    public static final String WEBHOOK_SECRETS = PREFIX + ".webhook.secrets";

    /** {@code runflow.webhook.path}: where the webhook controller listens. */
    public static final String WEBHOOK_PATH = PREFIX + ".webhook.path";

    /** The webhook controller's path unless {@link #WEBHOOK_PATH} is set. */
    public static final String DEFAULT_WEBHOOK_PATH = "/runflow/webhook";

    /** {@code runflow.webhook.dedup}: {@code memory} (default), {@code jdbc} or {@code none}. */
    public static final String WEBHOOK_DEDUP = PREFIX + ".webhook.dedup";

    /** {@code runflow.health.enabled}: {@code false} removes the health indicator. */
    public static final String HEALTH_ENABLED = PREFIX + ".health.enabled";

    private boolean enabled = true;
    private String apiKey;
    private String baseUrl = RunflowClient.DEFAULT_BASE_URL;
    private String organizationId;
    private final TimeoutsConfiguration timeouts;
    private final RetryConfiguration retry;
    private final PollConfiguration poll;
    private final WebhookConfiguration webhook;
    private final HealthConfiguration health;

    /**
     * Created by Micronaut with the nested groups.
     *
     * @param timeouts {@code runflow.timeouts.*}
     * @param retry {@code runflow.retry.*}
     * @param poll {@code runflow.poll.*}
     * @param webhook {@code runflow.webhook.*}
     * @param health {@code runflow.health.*}
     */
    public RunflowConfiguration(
            TimeoutsConfiguration timeouts,
            RetryConfiguration retry,
            PollConfiguration poll,
            WebhookConfiguration webhook,
            HealthConfiguration health) {
        this.timeouts = timeouts;
        this.retry = retry;
        this.poll = poll;
        this.webhook = webhook;
        this.health = health;
    }

    /**
     * Returns whether the module is on.
     *
     * @return {@code runflow.enabled}; default true
     */
    public boolean isEnabled() {
        return enabled;
    }

    /**
     * Turns the module off with {@code false}: no bean of it is created.
     *
     * @param enabled default true
     */
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /**
     * Returns the API key.
     *
     * @return {@code runflow.api-key}, or {@code null} when unset
     */
    public @Nullable String getApiKey() {
        return apiKey;
    }

    /**
     * Sets the API key sent as {@code Authorization: Bearer <key>}; required.
     *
     * @param apiKey the key from the dashboard, for example {@code rf_live_...}
     */
    public void setApiKey(@Nullable String apiKey) {
        this.apiKey = apiKey;
    }

    /**
     * Returns the API's base URL.
     *
     * @return {@code runflow.base-url}
     */
    public String getBaseUrl() {
        return baseUrl;
    }

    /**
     * Sets the API's base URL.
     *
     * @param baseUrl an absolute http(s) URL; default {@value RunflowClient#DEFAULT_BASE_URL}
     */
    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /**
     * Returns the organization to act in.
     *
     * @return {@code runflow.organization-id}, or {@code null} for the key's default
     */
    public @Nullable String getOrganizationId() {
        return organizationId;
    }

    /**
     * Sets the organization to act in, sent as {@code X-Organization-Id}.
     *
     * @param organizationId the organization id; default none (the key's own organization)
     */
    public void setOrganizationId(@Nullable String organizationId) {
        this.organizationId = organizationId;
    }

    /**
     * Returns the HTTP timeouts.
     *
     * @return {@code runflow.timeouts.*}
     */
    public TimeoutsConfiguration getTimeouts() {
        return timeouts;
    }

    /**
     * Returns when failed requests are retried.
     *
     * @return {@code runflow.retry.*}
     */
    public RetryConfiguration getRetry() {
        return retry;
    }

    /**
     * Returns how waits poll.
     *
     * @return {@code runflow.poll.*}
     */
    public PollConfiguration getPoll() {
        return poll;
    }

    /**
     * Returns the webhook's settings.
     *
     * @return {@code runflow.webhook.*}
     */
    public WebhookConfiguration getWebhook() {
        return webhook;
    }

    /**
     * Returns the health indicator's settings.
     *
     * @return {@code runflow.health.*}
     */
    public HealthConfiguration getHealth() {
        return health;
    }

    @Override
    public String toString() {
        return "RunflowConfiguration[apiKey=" + (apiKey == null ? "unset" : "***") + ", baseUrl=" + baseUrl
                + ", organizationId=" + organizationId + ", webhook=" + webhook + "]";
    }

    /** {@code runflow.timeouts.*}: the HTTP timeouts. */
    @ConfigurationProperties("timeouts")
    public static class TimeoutsConfiguration {
        private Duration connect = Duration.ofSeconds(10);
        private Duration read = Duration.ofSeconds(60);

        /** Created by Micronaut. */
        public TimeoutsConfiguration() {}

        /**
         * Returns the connect timeout.
         *
         * @return {@code runflow.timeouts.connect}
         */
        public Duration getConnect() {
            return connect;
        }

        /**
         * Sets how long to wait for a connection.
         *
         * @param connect positive, for example {@code 5s}; default 10 s
         */
        public void setConnect(Duration connect) {
            this.connect = connect;
        }

        /**
         * Returns the read timeout.
         *
         * @return {@code runflow.timeouts.read}
         */
        public Duration getRead() {
            return read;
        }

        /**
         * Sets how long to wait for a response.
         *
         * @param read positive; default 60 s
         */
        public void setRead(Duration read) {
            this.read = read;
        }
    }

    /** {@code runflow.retry.*}: when failed requests (429, 5xx, I/O errors) are retried. */
    @ConfigurationProperties("retry")
    public static class RetryConfiguration {
        private int maxAttempts = RetryPolicy.defaults().maxAttempts();
        private Duration initialDelay = RetryPolicy.defaults().initialDelay();
        private Duration maxDelay = RetryPolicy.defaults().maxDelay();

        /** Created by Micronaut. */
        public RetryConfiguration() {}

        /**
         * Returns the number of attempts.
         *
         * @return {@code runflow.retry.max-attempts}
         */
        public int getMaxAttempts() {
            return maxAttempts;
        }

        /**
         * Sets how many attempts a call makes in all; 1 turns retries off.
         *
         * @param maxAttempts at least 1; default 5
         */
        public void setMaxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
        }

        /**
         * Returns the first retry's delay.
         *
         * @return {@code runflow.retry.initial-delay}
         */
        public Duration getInitialDelay() {
            return initialDelay;
        }

        /**
         * Sets the delay before the first retry, doubled for each next one.
         *
         * @param initialDelay positive; default 1 s
         */
        public void setInitialDelay(Duration initialDelay) {
            this.initialDelay = initialDelay;
        }

        /**
         * Returns the longest delay.
         *
         * @return {@code runflow.retry.max-delay}
         */
        public Duration getMaxDelay() {
            return maxDelay;
        }

        /**
         * Sets the cap of the delay between attempts.
         *
         * @param maxDelay positive; default 32 s
         */
        public void setMaxDelay(Duration maxDelay) {
            this.maxDelay = maxDelay;
        }
    }

    /** {@code runflow.poll.*}: how waits for runs poll, and how long they wait. */
    @ConfigurationProperties("poll")
    public static class PollConfiguration {
        private Duration initialInterval = PollPolicy.defaults().initialInterval();
        private Duration maxInterval = PollPolicy.defaults().maxInterval();
        private Duration timeout = PollPolicy.defaults().timeout();

        /** Created by Micronaut. */
        public PollConfiguration() {}

        /**
         * Returns the first poll's interval.
         *
         * @return {@code runflow.poll.initial-interval}
         */
        public Duration getInitialInterval() {
            return initialInterval;
        }

        /**
         * Sets the interval before the first poll; it grows while the run does not change.
         *
         * @param initialInterval positive; default 1 s
         */
        public void setInitialInterval(Duration initialInterval) {
            this.initialInterval = initialInterval;
        }

        /**
         * Returns the longest interval.
         *
         * @return {@code runflow.poll.max-interval}
         */
        public Duration getMaxInterval() {
            return maxInterval;
        }

        /**
         * Sets the cap of the interval between polls.
         *
         * @param maxInterval positive; default 5 s
         */
        public void setMaxInterval(Duration maxInterval) {
            this.maxInterval = maxInterval;
        }

        /**
         * Returns how long a wait lasts.
         *
         * @return {@code runflow.poll.timeout}
         */
        public Duration getTimeout() {
            return timeout;
        }

        /**
         * Sets how long a wait lasts before it ends in a timeout (the run goes on).
         *
         * @param timeout positive; default 5 min
         */
        public void setTimeout(Duration timeout) {
            this.timeout = timeout;
        }
    }

    /** {@code runflow.webhook.*}: the controller that receives Runflow's callbacks. */
    @ConfigurationProperties("webhook")
    public static class WebhookConfiguration {
        private String path = DEFAULT_WEBHOOK_PATH;
        private List<String> secrets = List.of();
        private long maxBodySize = WebhookVerifier.DEFAULT_MAX_BODY_SIZE;
        private Dedup dedup = Dedup.MEMORY;

        /** Created by Micronaut. */
        public WebhookConfiguration() {}

        /**
         * Returns the controller's path.
         *
         * @return {@code runflow.webhook.path}
         */
        public String getPath() {
            return path;
        }

        /**
         * Sets where the controller listens; give Runflow this path on your public URL as {@code
         * callback_url}.
         *
         * @param path default {@value RunflowConfiguration#DEFAULT_WEBHOOK_PATH}
         */
        public void setPath(String path) {
            this.path = path;
        }

        /**
         * Returns the signing secrets.
         *
         * @return {@code runflow.webhook.secrets}; empty when unset
         */
        public List<String> getSecrets() {
            return secrets;
        }

        /**
         * Sets the organization's callback signing secrets; a signature under any of them is
         * accepted (list two while rotating). Without any, there is no webhook controller.
         *
         * @param secrets the secrets ({@code whsec_...}), none blank; default none
         */
        public void setSecrets(@Nullable List<String> secrets) {
            this.secrets = secrets == null ? List.of() : List.copyOf(secrets);
        }

        /**
         * Returns the body size limit.
         *
         * @return {@code runflow.webhook.max-body-size} in bytes
         */
        public long getMaxBodySize() {
            return maxBodySize;
        }

        /**
         * Sets the largest callback body accepted; a larger one is answered 413 unverified.
         *
         * @param maxBodySize bytes, or a size such as {@code 512KB} or {@code 2MB}; default 1 MB
         */
        public void setMaxBodySize(@ReadableBytes long maxBodySize) {
            this.maxBodySize = maxBodySize;
        }

        /**
         * Returns how repeated deliveries are recognized.
         *
         * @return {@code runflow.webhook.dedup}
         */
        public Dedup getDedup() {
            return dedup;
        }

        /**
         * Sets how repeated deliveries are recognized.
         *
         * @param dedup {@code memory} (default), {@code jdbc} or {@code none}
         */
        public void setDedup(Dedup dedup) {
            this.dedup = dedup;
        }

        @Override
        public String toString() {
            return "WebhookConfiguration[path=" + path + ", secrets=" + secrets.size() + " (redacted), maxBodySize="
                    + maxBodySize + ", dedup=" + dedup + "]";
        }
    }

    /** {@code runflow.health.*}: the {@code runflow} health indicator. */
    @ConfigurationProperties("health")
    public static class HealthConfiguration {
        private boolean enabled = true;

        /** Created by Micronaut. */
        public HealthConfiguration() {}

        /**
         * Returns whether the indicator exists.
         *
         * @return {@code runflow.health.enabled}
         */
        public boolean isEnabled() {
            return enabled;
        }

        /**
         * Turns the health indicator off with {@code false}.
         *
         * @param enabled default true (the indicator exists when micronaut-management is present)
         */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
    }

    /** How the webhook recognizes a callback Runflow delivered more than once. */
    public enum Dedup {
        /** A bounded in-memory store: right for one instance. */
        MEMORY,
        /**
         * A table in the application's database, through its {@code javax.sql.DataSource} bean: right
         * for several instances behind a load balancer.
         */
        JDBC,
        /** Every delivery reaches the listeners. */
        NONE
    }
}
