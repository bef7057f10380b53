package io.runflow;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The client's {@code runflow.*} settings as a framework's configuration gives them: each one
 * optional, where unset means core's default ({@link RunflowClient#DEFAULT_BASE_URL}, {@link
 * RunflowClient#DEFAULT_CONNECT_TIMEOUT}, {@link RetryPolicy#defaults()}, {@link
 * PollPolicy#defaults()}...). Spring Boot's and Micronaut's adapters hand their bound values here,
 * so that the defaults and the checks live only in core; each adapter renders the {@link
 * #problems()} in its own idiom.
 *
 * <pre>{@code
 * ClientSettings settings = ClientSettings.builder().apiKey(apiKey).retryMaxAttempts(maxAttempts).build();
 * if (!settings.problems().isEmpty()) {
 *     throw new IllegalStateException(settings.problems().get(0).message());
 * }
 * RunflowClient client = settings.clientBuilder().build();
 * }</pre>
 */
public final class ClientSettings {

    private final String apiKey;
    private final String baseUrl;
    private final String organizationId;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final Integer retryMaxAttempts;
    private final Duration retryInitialDelay;
    private final Duration retryMaxDelay;
    private final Duration pollInitialInterval;
    private final Duration pollMaxInterval;
    private final Duration pollTimeout;
    private final Boolean tracingMetadata;

    private ClientSettings(Builder builder) {
        this.apiKey = builder.apiKey;
        this.baseUrl = builder.baseUrl;
        this.organizationId = builder.organizationId;
        this.connectTimeout = builder.connectTimeout;
        this.readTimeout = builder.readTimeout;
        this.retryMaxAttempts = builder.retryMaxAttempts;
        this.retryInitialDelay = builder.retryInitialDelay;
        this.retryMaxDelay = builder.retryMaxDelay;
        this.pollInitialInterval = builder.pollInitialInterval;
        this.pollMaxInterval = builder.pollMaxInterval;
        this.pollTimeout = builder.pollTimeout;
        this.tracingMetadata = builder.tracingMetadata;
    }

    /**
     * Starts settings where nothing is set.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns what keeps these settings from making a client, in the order of the keys; empty when
     * {@link #clientBuilder()} succeeds.
     *
     * @return the problems, each naming its key
     */
    public List<SettingProblem> problems() {
        List<SettingProblem> problems = new ArrayList<>();
        apply(RunflowClient.builder(), problems);
        return List.copyOf(problems);
    }

    /**
     * Returns a new client builder with every set value applied; what is unset stays core's default.
     *
     * @return a builder the caller may adjust further and build
     * @throws IllegalStateException with the first problem's {@link SettingProblem#message()} when
     *     {@link #problems()} is not empty
     */
    public RunflowClient.Builder clientBuilder() {
        RunflowClient.Builder builder = RunflowClient.builder();
        List<SettingProblem> problems = new ArrayList<>();
        apply(builder, problems);
        if (!problems.isEmpty()) {
            throw new IllegalStateException(problems.get(0).message());
        }
        return builder;
    }

    // No lambdas or method references here: this runs as an application starts (the adapters' settings
    // check), where each one would be a class spun at first use.
    private void apply(RunflowClient.Builder builder, List<SettingProblem> problems) {
        if (apiKey == null) {
            problems.add(new SettingProblem(
                    "runflow.api-key",
                    "runflow.api-key is not set, so no RunflowClient can be created.",
                    "Set runflow.api-key (for example runflow.api-key=${RUNFLOW_API_KEY}), define your own"
                            + " RunflowClient bean," + SettingProblem.OFF));
        } else {
            Optional<SettingProblem> blank = SettingProblem.blankOrPlaceholder(
                    "runflow.api-key", apiKey, "an API key from the Runflow dashboard");
            if (blank.isPresent()) {
                problems.add(blank.get());
            } else {
                set("runflow.api-key", apiKey, builder, problems);
            }
        }
        set("runflow.base-url", baseUrl, builder, problems);
        set("runflow.organization-id", organizationId, builder, problems);
        set("runflow.timeouts.connect", connectTimeout, builder, problems);
        set("runflow.timeouts.read", readTimeout, builder, problems);
        if (retryMaxAttempts != null || retryInitialDelay != null || retryMaxDelay != null) {
            RetryPolicy.Builder retry = RetryPolicy.builder();
            int before = problems.size();
            set("runflow.retry.max-attempts", retryMaxAttempts, retry, problems);
            set("runflow.retry.initial-delay", retryInitialDelay, retry, problems);
            set("runflow.retry.max-delay", retryMaxDelay, retry, problems);
            if (problems.size() == before) {
                try {
                    builder.retryPolicy(retry.build());
                } catch (IllegalArgumentException | IllegalStateException e) {
                    problems.add(SettingProblem.invalid("runflow.retry", e));
                }
            }
        }
        if (pollInitialInterval != null || pollMaxInterval != null || pollTimeout != null) {
            PollPolicy.Builder poll = PollPolicy.builder();
            int before = problems.size();
            set("runflow.poll.initial-interval", pollInitialInterval, poll, problems);
            set("runflow.poll.max-interval", pollMaxInterval, poll, problems);
            set("runflow.poll.timeout", pollTimeout, poll, problems);
            if (problems.size() == before) {
                try {
                    builder.pollPolicy(poll.build());
                } catch (IllegalArgumentException | IllegalStateException e) {
                    problems.add(SettingProblem.invalid("runflow.poll", e));
                }
            }
        }
        set("runflow.tracing.metadata", tracingMetadata, builder, problems);
    }

    /**
     * Hands a set value to the builder of its key ({@link RunflowClient.Builder}, {@link
     * RetryPolicy.Builder} or {@link PollPolicy.Builder}); what the builder rejects becomes a problem
     * of the key.
     */
    private static void set(String key, Object value, Object target, List<SettingProblem> problems) {
        if (value == null) {
            return;
        }
        try {
            switch (key) {
                case "runflow.api-key" -> ((RunflowClient.Builder) target).apiKey((String) value);
                case "runflow.base-url" -> ((RunflowClient.Builder) target).baseUrl((String) value);
                case "runflow.organization-id" -> ((RunflowClient.Builder) target).organizationId((String) value);
                case "runflow.timeouts.connect" -> ((RunflowClient.Builder) target).connectTimeout((Duration) value);
                case "runflow.timeouts.read" -> ((RunflowClient.Builder) target).readTimeout((Duration) value);
                case "runflow.retry.max-attempts" -> ((RetryPolicy.Builder) target).maxAttempts((Integer) value);
                case "runflow.retry.initial-delay" -> ((RetryPolicy.Builder) target).initialDelay((Duration) value);
                case "runflow.retry.max-delay" -> ((RetryPolicy.Builder) target).maxDelay((Duration) value);
                case "runflow.poll.initial-interval" -> ((PollPolicy.Builder) target).initialInterval((Duration) value);
                case "runflow.poll.max-interval" -> ((PollPolicy.Builder) target).maxInterval((Duration) value);
                case "runflow.poll.timeout" -> ((PollPolicy.Builder) target).timeout((Duration) value);
                case "runflow.tracing.metadata" ->
                    ((RunflowClient.Builder) target).traceContextInMetadata((Boolean) value);
                default -> throw new AssertionError(key);
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            problems.add(SettingProblem.invalid(key, e));
        }
    }

    @Override
    public String toString() {
        return "ClientSettings[apiKey=" + (apiKey == null ? "unset" : "***") + ", baseUrl=" + baseUrl
                + ", organizationId=" + organizationId + ", connectTimeout=" + connectTimeout + ", readTimeout="
                + readTimeout + ", retryMaxAttempts=" + retryMaxAttempts + ", retryInitialDelay=" + retryInitialDelay
                + ", retryMaxDelay=" + retryMaxDelay + ", pollInitialInterval=" + pollInitialInterval
                + ", pollMaxInterval=" + pollMaxInterval + ", pollTimeout=" + pollTimeout + ", tracingMetadata="
                + tracingMetadata + "]";
    }

    /**
     * Collects the settings. Every setter takes {@code null} for "not set": the value then stays
     * core's default. Nothing is checked before {@link ClientSettings#problems()}.
     */
    public static final class Builder {
        private String apiKey;
        private String baseUrl;
        private String organizationId;
        private Duration connectTimeout;
        private Duration readTimeout;
        private Integer retryMaxAttempts;
        private Duration retryInitialDelay;
        private Duration retryMaxDelay;
        private Duration pollInitialInterval;
        private Duration pollMaxInterval;
        private Duration pollTimeout;
        private Boolean tracingMetadata;

        private Builder() {}

        /**
         * Sets {@code runflow.api-key}, the one setting without a default.
         *
         * @param apiKey the key, or {@code null} when unset
         * @return this builder
         */
        public Builder apiKey(String apiKey) {
            this.apiKey = apiKey;
            return this;
        }

        /**
         * Sets {@code runflow.base-url}.
         *
         * @param baseUrl the URL, or {@code null} for {@link RunflowClient#DEFAULT_BASE_URL}
         * @return this builder
         */
        public Builder baseUrl(String baseUrl) {
            this.baseUrl = baseUrl;
            return this;
        }

        /**
         * Sets {@code runflow.organization-id}.
         *
         * @param organizationId the organization, or {@code null} for the key's own
         * @return this builder
         */
        public Builder organizationId(String organizationId) {
            this.organizationId = organizationId;
            return this;
        }

        /**
         * Sets {@code runflow.timeouts.connect}.
         *
         * @param connectTimeout the timeout, or {@code null} for {@link
         *     RunflowClient#DEFAULT_CONNECT_TIMEOUT}
         * @return this builder
         */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
            return this;
        }

        /**
         * Sets {@code runflow.timeouts.read}.
         *
         * @param readTimeout the timeout, or {@code null} for {@link RunflowClient#DEFAULT_READ_TIMEOUT}
         * @return this builder
         */
        public Builder readTimeout(Duration readTimeout) {
            this.readTimeout = readTimeout;
            return this;
        }

        /**
         * Sets {@code runflow.retry.max-attempts}.
         *
         * @param maxAttempts the attempts, or {@code null} for {@link RetryPolicy#defaults()}'s
         * @return this builder
         */
        public Builder retryMaxAttempts(Integer maxAttempts) {
            this.retryMaxAttempts = maxAttempts;
            return this;
        }

        /**
         * Sets {@code runflow.retry.initial-delay}.
         *
         * @param initialDelay the delay, or {@code null} for {@link RetryPolicy#defaults()}'s
         * @return this builder
         */
        public Builder retryInitialDelay(Duration initialDelay) {
            this.retryInitialDelay = initialDelay;
            return this;
        }

        /**
         * Sets {@code runflow.retry.max-delay}.
         *
         * @param maxDelay the delay, or {@code null} for {@link RetryPolicy#defaults()}'s
         * @return this builder
         */
        public Builder retryMaxDelay(Duration maxDelay) {
            this.retryMaxDelay = maxDelay;
            return this;
        }

        /**
         * Sets {@code runflow.poll.initial-interval}.
         *
         * @param initialInterval the interval, or {@code null} for {@link PollPolicy#defaults()}'s
         * @return this builder
         */
        public Builder pollInitialInterval(Duration initialInterval) {
            this.pollInitialInterval = initialInterval;
            return this;
        }

        /**
         * Sets {@code runflow.poll.max-interval}.
         *
         * @param maxInterval the interval, or {@code null} for {@link PollPolicy#defaults()}'s
         * @return this builder
         */
        public Builder pollMaxInterval(Duration maxInterval) {
            this.pollMaxInterval = maxInterval;
            return this;
        }

        /**
         * Sets {@code runflow.poll.timeout}.
         *
         * @param timeout the timeout, or {@code null} for {@link PollPolicy#defaults()}'s
         * @return this builder
         */
        public Builder pollTimeout(Duration timeout) {
            this.pollTimeout = timeout;
            return this;
        }

        /**
         * Sets {@code runflow.tracing.metadata}: whether a run's create stores the trace context in the
         * run's metadata (see {@link RunflowClient#TRACE_CONTEXT_METADATA_KEY}).
         *
         * @param enabled the setting, or {@code null} for the default, true
         * @return this builder
         */
        public Builder tracingMetadata(Boolean enabled) {
            this.tracingMetadata = enabled;
            return this;
        }

        /**
         * Freezes the settings; they are checked by {@link ClientSettings#problems()}.
         *
         * @return the settings
         */
        public ClientSettings build() {
            return new ClientSettings(this);
        }
    }
}
