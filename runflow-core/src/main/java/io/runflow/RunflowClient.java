package io.runflow;

import static io.runflow.internal.DurationChecks.positive;

import io.runflow.errors.RunflowException;
import io.runflow.errors.RunflowIoException;
import io.runflow.internal.Version;
import io.runflow.model.Health;
import io.runflow.model.OutputFile;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.function.UnaryOperator;

/**
 * The entry point: a client of Runflow's API, built once per application and shared; thread-safe.
 *
 * <pre>{@code
 * try (RunflowClient runflow = RunflowClient.builder()
 *         .apiKey(System.getenv("RUNFLOW_API_KEY"))
 *         .build()) {
 *     Run run = runflow.runs().run(FluxProUltra.input("a serene japanese garden").seed(42));
 *     Path image = runflow.download(run.output().outputs().get(0), Path.of("garden.jpg"));
 * }
 * }</pre>
 *
 * <p>The HTTP transport is found on the class path ({@code io.runflow:runflow-feign}) or given with
 * {@link Builder#transport(RunflowTransport)}.
 */
public final class RunflowClient implements AutoCloseable {

    /** The API's production base URL. */
    public static final String DEFAULT_BASE_URL = "https://api.runflow.io";

    /** How long a client waits for a connection unless {@link Builder#connectTimeout} says otherwise. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    /** How long a client waits for a response unless {@link Builder#readTimeout} says otherwise. */
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(60);

    /**
     * The run metadata key under which a create stores the trace context of its observer's run work
     * (for example {@code {"_runflow_trace":{"traceparent":"00-..."}}}), so that the run's callback
     * continues the trace; read by the webhook endpoint only after a callback's signature verifies.
     * Only when the observer traces (with {@code runflow-micrometer} and a tracer); a request whose
     * own metadata uses the key is rejected at create while this is on. Turn it off with {@link
     * Builder#traceContextInMetadata(boolean)} or {@code runflow.tracing.metadata=false}.
     */
    public static final String TRACE_CONTEXT_METADATA_KEY = "_runflow_trace";

    private final RunflowOptions options;
    private final RunflowApi api;
    private final ScheduledExecutorService scheduler;
    private final ExecutorService ownedExecutor;
    private final java.util.concurrent.Executor executor;
    private final boolean ownsScheduler;
    private final Runs runs;
    private final Batches batches;
    private final Assets assets;
    private final Account account;
    private final Models models;
    private final CallbackSecrets callbackSecrets;
    private final Webhooks webhooks;
    private final RunCallbacks callbacks;
    private final PendingWaits pending;
    private final PendingBatchWaits pendingBatches;
    private final RunTracker tracker;
    /** Where runs created with a callback URL are recorded, or {@code null}. */
    private final RunLedger ledger;
    /** The client a {@link #withOptions} view was made from, or {@code null} for a built client. */
    private final RunflowClient root;
    /** The view's settings; {@link RequestOptions#none()} for a built client. */
    private final RequestOptions requestOptions;

    private volatile Downloader downloader;
    private volatile Uploader uploader;

    private RunflowClient(Builder builder, RunflowOptions options, RunflowApi api) {
        this.options = options;
        this.api = api;
        this.ownsScheduler = builder.scheduler == null;
        this.scheduler = ownsScheduler ? defaultScheduler() : builder.scheduler;
        this.ownedExecutor = builder.executor == null ? DefaultExecutor.create() : null;
        this.executor = builder.executor == null ? ownedExecutor : builder.executor;
        this.pending = new PendingWaits();
        this.pendingBatches = new PendingBatchWaits();
        this.root = null;
        this.requestOptions = RequestOptions.none();
        this.tracker = new RunTracker(options);
        this.ledger = builder.runLedger;
        this.runs = new Runs(api, options, scheduler, executor, pending, tracker);
        this.runs.ledger(ledger);
        this.batches = new Batches(api, options, scheduler, executor, pendingBatches);
        this.assets = new Assets(api, this::uploader);
        this.account = new Account(api);
        this.models = new Models(api);
        this.callbackSecrets = new CallbackSecrets(api);
        this.webhooks = new Webhooks(api);
        this.callbacks = new RunCallbacks(pending, pendingBatches, tracker);
    }

    /** A view: the root's threads, waits and transport, the transport seen through {@code requestOptions}. */
    private RunflowClient(RunflowClient root, RequestOptions requestOptions) {
        this.root = root;
        this.requestOptions = requestOptions;
        this.options = root.options;
        this.api = root.api.withOptions(requestOptions);
        this.ownsScheduler = false;
        this.scheduler = root.scheduler;
        this.ownedExecutor = null;
        this.executor = root.executor;
        this.pending = root.pending;
        this.pendingBatches = root.pendingBatches;
        this.tracker = root.tracker;
        this.ledger = root.ledger;
        this.runs = new Runs(api, options, scheduler, executor, pending, tracker);
        this.runs.ledger(ledger);
        this.batches = new Batches(api, options, scheduler, executor, pendingBatches);
        this.assets = new Assets(api, root::uploader);
        this.account = new Account(api);
        this.models = new Models(api);
        this.callbackSecrets = new CallbackSecrets(api);
        this.webhooks = new Webhooks(api);
        this.callbacks = root.callbacks;
    }

    /**
     * Starts a client configuration.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds a client from the environment: {@code RUNFLOW_API_KEY}, {@code RUNFLOW_BASE_URL}, {@code
     * RUNFLOW_ORGANIZATION_ID}; the system properties {@code runflow.apiKey}, {@code runflow.baseUrl}
     * and {@code runflow.organizationId} win over them.
     *
     * @return the client
     * @throws IllegalStateException if no API key is set
     */
    public static RunflowClient fromEnv() {
        return builder().fromEnv().build();
    }

    /**
     * Returns a view of this client whose calls use other settings: a timeout, a number of retries,
     * an idempotency key, extra headers. The view shares this client's connections, threads and
     * waits (a callback completes a wait started through either); every service is reachable from
     * it. Cheap to make: one per call is fine. Closing a view does nothing.
     *
     * <pre>{@code
     * Run run = runflow.withOptions(o -> o.header("X-Trace", traceId).maxRetries(0))
     *         .runs()
     *         .create(request);
     * }</pre>
     *
     * @param settings sets what differs from this client (on a view: from the view)
     * @return the view
     * @throws IllegalArgumentException if a setting is invalid, such as a header the SDK sets itself
     * @throws UnsupportedOperationException if the transport has no per-call options (runflow-feign
     *     has them)
     */
    public RunflowClient withOptions(java.util.function.Consumer<RequestOptions.Builder> settings) {
        Objects.requireNonNull(settings, "settings");
        RequestOptions.Builder builder = RequestOptions.builder();
        settings.accept(builder);
        RunflowClient base = root == null ? this : root;
        return new RunflowClient(base, requestOptions.with(builder.build()));
    }

    /**
     * Returns the runs service: create, get, list, await, run.
     *
     * @return the service
     */
    public Runs runs() {
        return runs;
    }

    /**
     * Returns the batches service: create, get, items, await, run.
     *
     * @return the service
     */
    public Batches batches() {
        return batches;
    }

    /**
     * Returns the assets service: upload files for model inputs, read them back.
     *
     * @return the service
     */
    public Assets assets() {
        return assets;
    }

    /**
     * Returns the account: the user behind the key, the credit balance.
     *
     * @return the service
     */
    public Account account() {
        return account;
    }

    /**
     * Returns the model catalog.
     *
     * @return the service
     */
    public Models models() {
        return models;
    }

    /**
     * Returns the organization's callback signing secrets.
     *
     * @return the service
     */
    public CallbackSecrets callbackSecrets() {
        return callbackSecrets;
    }

    /**
     * Returns the organization's webhooks: list, read, update, delete, deliveries and attempts.
     *
     * @return the service
     */
    public Webhooks webhooks() {
        return webhooks;
    }

    /**
     * Returns where verified callbacks go, so that they complete the waits on their runs at once.
     *
     * @return the callback sink
     */
    public RunCallbacks callbacks() {
        return callbacks;
    }

    /**
     * Checks the service ({@code GET /v1/health}).
     *
     * @return the health
     */
    public Health health() {
        return api.health();
    }

    /**
     * Checks the service on the client's executor.
     *
     * @return the health, or the failure
     */
    public CompletableFuture<Health> healthAsync() {
        return CompletableFuture.supplyAsync(api::health, executor);
    }

    /**
     * Downloads an output file. The file appears complete or not at all (it is written beside the
     * target, then moved). No credentials are sent: output URLs are presigned. An inline output
     * ({@link OutputFile#isDataUri()}) is decoded and written without a request.
     *
     * @param file an entry of {@code run.output().outputs()}
     * @param target the file to write (replaced if it exists), or an existing directory to write into
     *     under the URL's file name ({@code output.<ext>} from its media type for a {@code data:} URI)
     * @return the written file
     * @throws RunflowIoException if the download fails or the server answers non-2xx (output URLs
     *     expire: fetch the run again for fresh ones)
     */
    public Path download(OutputFile file, Path target) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(target, "target");
        return downloader().download(file, target);
    }

    /** Created on first use, like the downloader. */
    private Uploader uploader() {
        if (root != null) {
            return root.uploader();
        }
        Uploader current = uploader;
        if (current == null) {
            synchronized (this) {
                current = uploader;
                if (current == null) {
                    current = new Uploader(options);
                    uploader = current;
                }
            }
        }
        return current;
    }

    /** Created on first use: its HTTP client starts a thread that most applications never need. */
    private Downloader downloader() {
        if (root != null) {
            return root.downloader();
        }
        Downloader current = downloader;
        if (current == null) {
            synchronized (this) {
                current = downloader;
                if (current == null) {
                    current = new Downloader(options);
                    downloader = current;
                }
            }
        }
        return current;
    }

    /**
     * Returns the frozen options.
     *
     * @return the options (the API key is not shown by their {@code toString()})
     */
    public RunflowOptions options() {
        return options;
    }

    /**
     * Ends every wait in progress (with a {@link RunflowException} saying the client was closed),
     * stops polling, releases the threads the client created, and closes the transport. On a view
     * made by {@link #withOptions}, does nothing: close the client it came from.
     */
    @Override
    public void close() {
        if (root != null) {
            return;
        }
        pending.closeAll();
        pendingBatches.closeAll();
        tracker.closeAll();
        if (ownsScheduler) {
            scheduler.shutdownNow();
        }
        if (ownedExecutor != null) {
            ownedExecutor.shutdownNow();
        }
        Downloader created = downloader;
        if (created != null) {
            created.close();
        }
        Uploader uploading = uploader;
        if (uploading != null) {
            uploading.close();
        }
        api.close();
    }

    @Override
    public String toString() {
        return "RunflowClient[" + options + (root == null ? "" : ", " + requestOptions) + "]";
    }

    private static ScheduledExecutorService defaultScheduler() {
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1, daemon("runflow-scheduler-"));
        // Cancelled polls must not linger in the queue until their time comes.
        scheduler.setRemoveOnCancelPolicy(true);
        return scheduler;
    }

    private static ThreadFactory daemon(String prefix) {
        return DefaultExecutor.daemon(prefix);
    }

    /** Configures a {@link RunflowClient}: the single configuration funnel of every adapter. */
    public static final class Builder {
        // Unset values are null and become the defaults on build(): a settings check (ClientSettings)
        // fills a builder only to validate, and must not pay for the policies, clock, sleeper and observer.
        private String apiKey;
        private String baseUrl = DEFAULT_BASE_URL;
        private String organizationId;
        private Duration connectTimeout;
        private Duration readTimeout;
        private RetryPolicy retryPolicy;
        private PollPolicy pollPolicy;
        private Clock clock;
        private Sleeper sleeper;
        private String userAgent;
        private ScheduledExecutorService scheduler;
        private java.util.concurrent.Executor executor;
        private RunflowTransport transport;
        private RunLedger runLedger;
        private RunflowObserver observer;
        private boolean traceContextInMetadata = true;

        /** Package-private so that {@link ClientSettings} can validate without initialising the client class. */
        Builder() {}

        /**
         * Sets the API key (required), sent as {@code Authorization: Bearer <key>}.
         *
         * @param apiKey the key from the dashboard, for example {@code rf_live_...}
         * @return this builder
         */
        public Builder apiKey(String apiKey) {
            Objects.requireNonNull(apiKey, "apiKey");
            String key = apiKey.strip();
            if (key.isEmpty()) {
                throw new IllegalArgumentException("apiKey must not be blank");
            }
            if (key.startsWith("${") && key.endsWith("}")) {
                // A configuration placeholder nobody resolved: say which, since it names no secret.
                throw new IllegalArgumentException(
                        "apiKey is the unresolved placeholder " + key + ": set what it refers to");
            }
            if (!isVisibleAscii(key)) {
                throw new IllegalArgumentException("apiKey must be visible ASCII characters without spaces");
            }
            this.apiKey = key;
            return this;
        }

        /**
         * Sets the API's base URL.
         *
         * @param baseUrl an absolute http(s) URL; default {@value RunflowClient#DEFAULT_BASE_URL}
         * @return this builder
         */
        public Builder baseUrl(String baseUrl) {
            Objects.requireNonNull(baseUrl, "baseUrl");
            URI uri;
            try {
                uri = URI.create(baseUrl.strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("baseUrl is not a valid URL: " + baseUrl);
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw new IllegalArgumentException("baseUrl must be an absolute http or https URL, got: " + baseUrl);
            }
            if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
                throw new IllegalArgumentException("baseUrl must not have a query or fragment, got: " + baseUrl);
            }
            String text = uri.toString();
            this.baseUrl = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
            return this;
        }

        /**
         * Sets the organization to act in, sent as {@code X-Organization-Id}.
         *
         * @param organizationId the organization id, or {@code null} for the key's default
         * @return this builder
         */
        public Builder organizationId(String organizationId) {
            if (organizationId != null && !isHeaderText(organizationId)) {
                throw new IllegalArgumentException("organizationId must be printable ASCII without line breaks");
            }
            this.organizationId = organizationId == null || organizationId.isBlank() ? null : organizationId.strip();
            return this;
        }

        /**
         * Sets how long to wait for a connection.
         *
         * @param connectTimeout positive; default 10 s
         * @return this builder
         */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = positive(connectTimeout, "connectTimeout");
            return this;
        }

        /**
         * Sets how long to wait for a response.
         *
         * @param readTimeout positive; default 60 s
         * @return this builder
         */
        public Builder readTimeout(Duration readTimeout) {
            this.readTimeout = positive(readTimeout, "readTimeout");
            return this;
        }

        /**
         * Sets when failed requests are retried.
         *
         * @param retryPolicy the policy; default {@link RetryPolicy#defaults()}
         * @return this builder
         */
        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
            return this;
        }

        /**
         * Sets how waits poll, and their timeout.
         *
         * @param pollPolicy the policy; default {@link PollPolicy#defaults()}
         * @return this builder
         */
        public Builder pollPolicy(PollPolicy pollPolicy) {
            this.pollPolicy = Objects.requireNonNull(pollPolicy, "pollPolicy");
            return this;
        }

        /**
         * Sets the time source of wait deadlines.
         *
         * @param clock the clock; default {@link Clock#systemUTC()}
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Sets what waits between retry attempts.
         *
         * @param sleeper the sleeper; default {@link Sleeper#system()}
         * @return this builder
         */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /**
         * Sets the {@code User-Agent}.
         *
         * @param userAgent the value; default {@code runflow-java/<version>}
         * @return this builder
         */
        public Builder userAgent(String userAgent) {
            Objects.requireNonNull(userAgent, "userAgent");
            if (userAgent.isBlank() || !isHeaderText(userAgent)) {
                throw new IllegalArgumentException(
                        "userAgent must be printable ASCII without line breaks, and not blank");
            }
            this.userAgent = userAgent.strip();
            return this;
        }

        /**
         * Sets the scheduler that times polls. The caller owns it: the client does not shut it down.
         *
         * @param scheduler the scheduler; default one daemon thread owned by the client
         * @return this builder
         */
        public Builder scheduler(ScheduledExecutorService scheduler) {
            this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
            return this;
        }

        /**
         * Sets the executor that makes the blocking HTTP calls of async methods and polls: every async
         * path of the client runs on it (never on the common pool). The caller owns it.
         *
         * @param executor the executor; default, owned by the client: a virtual thread per task on JDK
         *     21 and later, a pool of at most 64 daemon threads (idle ones ending after a minute) on
         *     JDK 17
         * @return this builder
         */
        public Builder executor(java.util.concurrent.Executor executor) {
            this.executor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /**
         * Sets who hears each HTTP attempt, retry and wait, for metrics and tracing. An observer that
         * throws is logged and ignored.
         *
         * @param observer the observer; default {@link RunflowObserver#noop()}
         * @return this builder
         */
        public Builder observer(RunflowObserver observer) {
            this.observer = Objects.requireNonNull(observer, "observer");
            return this;
        }

        /**
         * Sets whether a run's create stores the observer's trace context in the run's metadata under
         * {@link #TRACE_CONTEXT_METADATA_KEY}, so that the callback continues the create's trace. Off,
         * the metadata is sent exactly as given and the key is free for the caller's own use.
         *
         * @param enabled false to turn it off; default true
         * @return this builder
         */
        public Builder traceContextInMetadata(boolean enabled) {
            this.traceContextInMetadata = enabled;
            return this;
        }

        /**
         * Sets the transport explicitly instead of finding one on the class path.
         *
         * @param transport the transport
         * @return this builder
         */
        public Builder transport(RunflowTransport transport) {
            this.transport = Objects.requireNonNull(transport, "transport");
            return this;
        }

        /**
         * Applies the environment: {@code RUNFLOW_API_KEY}, {@code RUNFLOW_BASE_URL}, {@code
         * RUNFLOW_ORGANIZATION_ID}, each overridden by the system property {@code runflow.apiKey},
         * {@code runflow.baseUrl} or {@code runflow.organizationId}. Unset values leave the builder as
         * it is.
         *
         * @return this builder
         */
        public Builder fromEnv() {
            return fromEnv(System::getenv, System::getProperty);
        }

        Builder fromEnv(UnaryOperator<String> env, UnaryOperator<String> properties) {
            String key = setting(env, properties, "RUNFLOW_API_KEY", "runflow.apiKey");
            if (key != null) {
                apiKey(key);
            }
            String url = setting(env, properties, "RUNFLOW_BASE_URL", "runflow.baseUrl");
            if (url != null) {
                baseUrl(url);
            }
            String organization = setting(env, properties, "RUNFLOW_ORGANIZATION_ID", "runflow.organizationId");
            if (organization != null) {
                organizationId(organization);
            }
            return this;
        }

        private static String setting(
                UnaryOperator<String> env, UnaryOperator<String> properties, String variable, String property) {
            String value = properties.apply(property);
            if (value == null || value.isBlank()) {
                value = env.apply(variable);
            }
            return value == null || value.isBlank() ? null : value;
        }

        /**
         * Sets where the runs this client creates with a {@code callback_url} are recorded, so
         * that a reconciler can look up those whose callback never arrived ({@code
         * io.runflow.webhook.JdbcRunLedger}, {@code io.runflow.webhook.CallbackReconciler}).
         *
         * @param runLedger the ledger; default none
         * @return this builder
         */
        public Builder runLedger(RunLedger runLedger) {
            this.runLedger = Objects.requireNonNull(runLedger, "runLedger");
            return this;
        }

        /**
         * Validates the configuration, freezes it, and creates the client.
         *
         * @return the client; close it when the application stops
         * @throws IllegalStateException if no API key is set, or no transport is given or found
         */
        public RunflowClient build() {
            if (apiKey == null) {
                throw new IllegalStateException("apiKey is required: call RunflowClient.builder().apiKey(..) or set the"
                        + " RUNFLOW_API_KEY environment variable and use RunflowClient.fromEnv()");
            }
            RunflowOptions options = RunflowOptions.builder()
                    .apiKey(apiKey)
                    .baseUrl(URI.create(baseUrl))
                    .organizationId(organizationId)
                    .connectTimeout(connectTimeout != null ? connectTimeout : DEFAULT_CONNECT_TIMEOUT)
                    .readTimeout(readTimeout != null ? readTimeout : DEFAULT_READ_TIMEOUT)
                    .retryPolicy(retryPolicy != null ? retryPolicy : RetryPolicy.defaults())
                    .pollPolicy(pollPolicy != null ? pollPolicy : PollPolicy.defaults())
                    .clock(clock != null ? clock : Clock.systemUTC())
                    .sleeper(sleeper != null ? sleeper : Sleeper.system())
                    .userAgent(userAgent != null ? userAgent : Version.userAgent())
                    .observer(observer != null ? observer : RunflowObserver.noop())
                    .traceContextInMetadata(traceContextInMetadata)
                    .build();
            RunflowTransport chosen = transport != null ? transport : discoverTransport();
            RunflowApi api = Objects.requireNonNull(chosen.create(options), "transport returned no RunflowApi");
            return new RunflowClient(this, options, api);
        }

        private static RunflowTransport discoverTransport() {
            List<RunflowTransport> found = new ArrayList<>();
            try {
                Iterator<RunflowTransport> providers = ServiceLoader.load(
                                RunflowTransport.class, RunflowClient.class.getClassLoader())
                        .iterator();
                while (providers.hasNext()) {
                    found.add(providers.next());
                }
            } catch (ServiceConfigurationError e) {
                throw new IllegalStateException("a RunflowTransport on the class path could not be loaded", e);
            }
            if (found.isEmpty()) {
                throw new IllegalStateException("no Runflow HTTP transport on the class path: add the dependency"
                        + " io.runflow:runflow-feign, or pass one with RunflowClient.builder().transport(..)");
            }
            return found.get(0);
        }

        /** What an HTTP header value may hold: printable ASCII and spaces, no control characters. */
        private static boolean isHeaderText(String value) {
            return isAsciiFrom(value, ' ');
        }

        /** Visible ASCII: printable and not a space. */
        private static boolean isVisibleAscii(String value) {
            return isAsciiFrom(value, '!');
        }

        /** Whether every character is ASCII from {@code lowest} up to {@code ~}, DEL and above excluded. */
        private static boolean isAsciiFrom(String value, char lowest) {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c < lowest || c >= 0x7f) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public String toString() {
            return "RunflowClient.Builder[apiKey=" + (apiKey == null ? "unset" : "***") + ", baseUrl=" + baseUrl + "]";
        }
    }
}
