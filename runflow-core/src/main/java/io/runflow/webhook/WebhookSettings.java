package io.runflow.webhook;

import io.runflow.SettingProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The webhook's {@code runflow.webhook.*} settings as a framework's configuration gives them: each
 * one optional, where unset means core's default ({@link #DEFAULT_PATH}, {@link
 * WebhookVerifier#DEFAULT_MAX_BODY_SIZE}, {@link DedupKind#MEMORY}). Spring Boot's and Micronaut's
 * adapters hand their bound values here, so that the defaults and the checks live only in core;
 * each adapter renders the {@link #problems()} in its own idiom.
 *
 * <pre>{@code
 * WebhookSettings settings = WebhookSettings.builder().secrets(secrets).build();
 * WebhookVerifier verifier = settings.verifier(); // after settings.problems() came back empty
 * }</pre>
 */
public final class WebhookSettings {

    /** The path of the webhook endpoint unless {@code runflow.webhook.path} is set. */
    public static final String DEFAULT_PATH = "/runflow/webhook";

    private final String path;
    private final List<String> secrets;
    private final Long maxBodySize;
    private final DedupKind dedup;
    private final Boolean transactional;
    private final Boolean reconcileEnabled;
    private final java.time.Duration reconcileAfter;
    private final java.time.Duration reconcileInterval;
    private final NotifyKind notify;

    private WebhookSettings(Builder builder) {
        this.path = builder.path;
        this.secrets = builder.secrets;
        this.maxBodySize = builder.maxBodySize;
        this.dedup = builder.dedup;
        this.transactional = builder.transactional;
        this.reconcileEnabled = builder.reconcileEnabled;
        this.reconcileAfter = builder.reconcileAfter;
        this.reconcileInterval = builder.reconcileInterval;
        this.notify = builder.notify;
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
     * Returns the endpoint's path.
     *
     * @return {@code runflow.webhook.path}, or {@link #DEFAULT_PATH}
     */
    public String path() {
        return path == null ? DEFAULT_PATH : path;
    }

    /**
     * Returns how repeated deliveries are recognised.
     *
     * @return {@code runflow.webhook.dedup}, or {@link DedupKind#MEMORY}
     */
    public DedupKind dedup() {
        return dedup == null ? DedupKind.MEMORY : dedup;
    }

    /**
     * Returns whether each callback's mark and its listeners share one database transaction, so
     * that a listener that throws or an instance that dies leaves no mark ({@link
     * WebhookEndpoint.Builder#transactional(boolean)}).
     *
     * @return {@code runflow.webhook.transactional}, or true exactly when {@link #dedup()} is {@link
     *     DedupKind#JDBC}
     */
    public boolean transactional() {
        return transactional == null ? dedup() == DedupKind.JDBC : transactional && dedup() == DedupKind.JDBC;
    }

    /**
     * Returns whether runs created with a callback URL are recorded and looked up when their callback
     * is overdue ({@link JdbcRunLedger}, {@link CallbackReconciler}).
     *
     * @return {@code runflow.webhook.reconcile.enabled}, or true exactly when {@link #dedup()} is
     *     {@link DedupKind#JDBC}
     */
    public boolean reconcileEnabled() {
        return (reconcileEnabled == null || reconcileEnabled) && dedup() == DedupKind.JDBC;
    }

    /**
     * Returns how long after its creation a run without callback is looked up.
     *
     * @return {@code runflow.webhook.reconcile.after}, or {@link JdbcRunLedger#DEFAULT_AFTER}
     */
    public java.time.Duration reconcileAfter() {
        return reconcileAfter == null ? JdbcRunLedger.DEFAULT_AFTER : reconcileAfter;
    }

    /**
     * Returns how often overdue runs are looked for.
     *
     * @return {@code runflow.webhook.reconcile.interval}, or {@link CallbackReconciler#DEFAULT_INTERVAL}
     */
    public java.time.Duration reconcileInterval() {
        return reconcileInterval == null ? CallbackReconciler.DEFAULT_INTERVAL : reconcileInterval;
    }

    /**
     * Returns how a callback ends the waits on other instances.
     *
     * @return {@code runflow.webhook.notify}, or {@link NotifyKind#POSTGRES} with {@link
     *     DedupKind#JDBC} ({@link NotifyKind#NONE} otherwise); it applies only when the database is
     *     PostgreSQL
     */
    public NotifyKind notifyKind() {
        if (dedup() != DedupKind.JDBC) {
            return NotifyKind.NONE;
        }
        return notify == null ? NotifyKind.POSTGRES : notify;
    }

    /**
     * Returns what keeps these settings from making a verifier, in the order of the keys; empty when
     * {@link #verifier()} succeeds.
     *
     * @return the problems, each naming its key
     */
    public List<SettingProblem> problems() {
        List<SettingProblem> problems = new ArrayList<>();
        // The builder itself, not WebhookVerifier.builder(): checking settings initialises no verifier class.
        apply(new WebhookVerifier.Builder(), problems);
        return List.copyOf(problems);
    }

    /**
     * Builds the verifier of the secrets, with the body size limit when one is set.
     *
     * @return the verifier
     * @throws IllegalStateException with the first problem's {@link SettingProblem#message()} when
     *     {@link #problems()} is not empty
     */
    public WebhookVerifier verifier() {
        WebhookVerifier.Builder builder = WebhookVerifier.builder();
        List<SettingProblem> problems = new ArrayList<>();
        apply(builder, problems);
        if (!problems.isEmpty()) {
            throw new IllegalStateException(problems.get(0).message());
        }
        return builder.build();
    }

    private void apply(WebhookVerifier.Builder builder, List<SettingProblem> problems) {
        if (path != null && !path.startsWith("/")) {
            problems.add(new SettingProblem(
                    "runflow.webhook.path",
                    "runflow.webhook.path is invalid: it must start with /.",
                    "Set runflow.webhook.path to the path of your callback_url, for example " + DEFAULT_PATH + "."));
        }
        if (secrets == null || secrets.isEmpty()) {
            String key = "runflow.webhook.secrets";
            problems.add(new SettingProblem(
                    key,
                    key + (secrets == null ? " is not set." : " is blank."),
                    "Set " + key + " to your callback signing secrets (whsec_...), or remove it to go without the"
                            + " webhook endpoint."));
        } else {
            for (int i = 0; i < secrets.size(); i++) {
                // Not "+": each string concatenation site is bootstrapped (method handles spun) on first use.
                String key =
                        "runflow.webhook.secrets[".concat(Integer.toString(i)).concat("]");
                String secret = secrets.get(i) == null ? "" : secrets.get(i);
                // No lambdas here: this runs as an application starts, where each costs a generated class.
                Optional<SettingProblem> blank =
                        SettingProblem.blankOrPlaceholder(key, secret, "a callback signing secret (whsec_...)");
                if (blank.isPresent()) {
                    problems.add(blank.get());
                } else {
                    builder.secret(secret);
                }
            }
        }
        if (Boolean.TRUE.equals(transactional) && dedup() != DedupKind.JDBC) {
            problems.add(new SettingProblem(
                    "runflow.webhook.transactional",
                    "runflow.webhook.transactional=true needs runflow.webhook.dedup=jdbc, and dedup is "
                            + dedup().name().toLowerCase(java.util.Locale.ROOT) + ".",
                    "Set runflow.webhook.dedup=jdbc (the marks then share the listeners' transaction), or remove"
                            + " runflow.webhook.transactional."));
        }
        if (Boolean.TRUE.equals(reconcileEnabled) && dedup() != DedupKind.JDBC) {
            problems.add(new SettingProblem(
                    "runflow.webhook.reconcile.enabled",
                    "runflow.webhook.reconcile.enabled=true needs runflow.webhook.dedup=jdbc, and dedup is "
                            + dedup().name().toLowerCase(java.util.Locale.ROOT) + ".",
                    "Set runflow.webhook.dedup=jdbc (the pending runs are kept in the same database), or remove"
                            + " runflow.webhook.reconcile.enabled."));
        }
        if (notify == NotifyKind.POSTGRES && dedup() != DedupKind.JDBC) {
            problems.add(new SettingProblem(
                    "runflow.webhook.notify",
                    "runflow.webhook.notify=postgres needs runflow.webhook.dedup=jdbc, and dedup is "
                            + dedup().name().toLowerCase(java.util.Locale.ROOT) + ".",
                    "Set runflow.webhook.dedup=jdbc on a PostgreSQL DataSource, or remove runflow.webhook.notify."));
        }
        positive("runflow.webhook.reconcile.after", reconcileAfter, problems);
        positive("runflow.webhook.reconcile.interval", reconcileInterval, problems);
        if (maxBodySize != null) {
            try {
                builder.maxBodySize(maxBodySize);
            } catch (IllegalArgumentException e) {
                problems.add(SettingProblem.invalid("runflow.webhook.max-body-size", e));
            }
        }
    }

    private static void positive(String key, java.time.Duration value, List<SettingProblem> problems) {
        if (value != null && (value.isNegative() || value.isZero())) {
            problems.add(new SettingProblem(
                    key,
                    key + " is invalid: it must be positive, got " + value + ".",
                    "Set " + key + " to a positive duration, for example 5m, or remove it for the default."));
        }
    }

    @Override
    public String toString() {
        return "WebhookSettings[path=" + path() + ", secrets=" + (secrets == null ? 0 : secrets.size())
                + " (redacted), maxBodySize="
                + (maxBodySize == null ? WebhookVerifier.DEFAULT_MAX_BODY_SIZE : maxBodySize)
                + ", dedup=" + dedup() + ", transactional=" + transactional() + "]";
    }

    /**
     * Collects the settings. Every setter takes {@code null} for "not set": the value then stays
     * core's default. Nothing is checked before {@link WebhookSettings#problems()}.
     */
    public static final class Builder {
        private String path;
        private List<String> secrets;
        private Long maxBodySize;
        private DedupKind dedup;
        private Boolean transactional;
        private Boolean reconcileEnabled;
        private java.time.Duration reconcileAfter;
        private java.time.Duration reconcileInterval;
        private NotifyKind notify;

        private Builder() {}

        /**
         * Sets {@code runflow.webhook.path}.
         *
         * @param path the path, or {@code null} for {@link WebhookSettings#DEFAULT_PATH}
         * @return this builder
         */
        public Builder path(String path) {
            this.path = path;
            return this;
        }

        /**
         * Sets {@code runflow.webhook.secrets}; a signature under any of them is accepted.
         *
         * @param secrets the secrets ({@code whsec_...}), or {@code null} when unset; an empty list
         *     means the key is set but blank
         * @return this builder
         */
        public Builder secrets(List<String> secrets) {
            this.secrets = secrets == null ? null : java.util.Collections.unmodifiableList(new ArrayList<>(secrets));
            return this;
        }

        /**
         * Sets {@code runflow.webhook.max-body-size}.
         *
         * @param maxBodySize bytes, or {@code null} for {@link WebhookVerifier#DEFAULT_MAX_BODY_SIZE}
         * @return this builder
         */
        public Builder maxBodySize(Long maxBodySize) {
            this.maxBodySize = maxBodySize;
            return this;
        }

        /**
         * Sets {@code runflow.webhook.dedup}.
         *
         * @param dedup the kind, or {@code null} for {@link DedupKind#MEMORY}
         * @return this builder
         */
        public Builder dedup(DedupKind dedup) {
            this.dedup = dedup;
            return this;
        }

        /**
         * Sets {@code runflow.webhook.transactional}.
         *
         * @param transactional whether marks and listeners share a transaction, or {@code null} for
         *     true with {@link DedupKind#JDBC} (false otherwise)
         * @return this builder
         */
        public Builder transactional(Boolean transactional) {
            this.transactional = transactional;
            return this;
        }

        /**
         * Sets {@code runflow.webhook.reconcile.enabled}.
         *
         * @param enabled whether overdue runs are looked up, or {@code null} for true with {@link
         *     DedupKind#JDBC} (false otherwise)
         * @return this builder
         */
        public Builder reconcileEnabled(Boolean enabled) {
            this.reconcileEnabled = enabled;
            return this;
        }

        /**
         * Sets {@code runflow.webhook.reconcile.after}.
         *
         * @param after how long after its creation a run without callback is overdue, or {@code null}
         *     for {@link JdbcRunLedger#DEFAULT_AFTER}
         * @return this builder
         */
        public Builder reconcileAfter(java.time.Duration after) {
            this.reconcileAfter = after;
            return this;
        }

        /**
         * Sets {@code runflow.webhook.reconcile.interval}.
         *
         * @param interval how often overdue runs are looked for, or {@code null} for {@link
         *     CallbackReconciler#DEFAULT_INTERVAL}
         * @return this builder
         */
        public Builder reconcileInterval(java.time.Duration interval) {
            this.reconcileInterval = interval;
            return this;
        }

        /**
         * Sets {@code runflow.webhook.notify}.
         *
         * @param notify the kind, or {@code null} for {@link NotifyKind#POSTGRES} with {@link
         *     DedupKind#JDBC}
         * @return this builder
         */
        public Builder notifyKind(NotifyKind notify) {
            this.notify = notify;
            return this;
        }

        /**
         * Freezes the settings; they are checked by {@link WebhookSettings#problems()}.
         *
         * @return the settings
         */
        public WebhookSettings build() {
            return new WebhookSettings(this);
        }
    }
}
