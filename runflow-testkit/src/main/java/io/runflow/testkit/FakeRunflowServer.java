package io.runflow.testkit;

import io.runflow.RunflowClient;
import io.runflow.testkit.internal.control.ControlApi;
import io.runflow.testkit.internal.fake.FakeBackend;
import io.runflow.testkit.internal.fake.FakeConfig;
import io.runflow.testkit.internal.http.LoopbackHttpServer;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A stateful fake of the Runflow API on loopback, for tests: real endpoints, errors in the documented
 * envelope, runs that move queued → dispatching → running → terminal on the server's clock, FLUX
 * outputs served as real JPEGs, and signed callbacks with the documented retry schedule.
 *
 * <pre>{@code
 * try (FakeRunflowServer server = FakeRunflowServer.builder().deterministic().build()) {
 *     // point the client at server.baseUrl() with server.apiKey(), create a run, then:
 *     server.advance(Duration.ofSeconds(1)); // the run succeeds, its callback is sent
 *     assertThat(server.runs()).hasSize(1);
 * }
 * }</pre>
 *
 * <p>Time: by default the server follows the system clock and a run finishes in about 50 ms. {@link
 * #advance(Duration)} moves the server's time forward at once and runs everything that falls due on
 * the way (phases, callback attempts and their retries), so tests never sleep. In {@linkplain
 * Builder#deterministic() deterministic mode} time moves only through {@code advance}, and ids and
 * seeds come from counters.
 *
 * <p>Errors use the documented envelope {@code {"code", "message", "errors"}}: 400 {@code
 * BAD_REQUEST} (malformed JSON), 401 {@code UNAUTHORIZED}, 404 {@code NOT_FOUND} (path), {@code
 * MODEL_NOT_FOUND} or {@code RUN_NOT_FOUND}, 405 {@code METHOD_NOT_ALLOWED} (with {@code Allow}), 409
 * {@code CONFLICT} (Idempotency-Key reused with another body), 413 {@code PAYLOAD_TOO_LARGE} and 422
 * {@code VALIDATION_ERROR}, whose {@code errors[]} holds one {@code {"field": "input.prompt",
 * "message": "is required"}} per problem, fields named by dotted path. Every answer carries a {@code
 * Runflow-Request-Id}. Health, public models and output files need no key.
 *
 * <p>Every POST honours {@code Idempotency-Key} as Runflow's global middleware does: the same key
 * with the same path and body on the same route (per organization) replays the first 2xx answer and
 * applies nothing again; the same key with another body is 409 {@code CONFLICT}; an error answer is
 * not kept, so a retry can succeed; requests with one key are handled one at a time; without the
 * header every request is applied. Keys are kept until {@link #reset()}.
 *
 * <p>Control API: with {@link Builder#controlApi(boolean)} (on in the standalone jar) the server
 * also serves {@code /__fake/v1/...}, one HTTP endpoint per scripting and inspection method of this
 * class, so that tests in other languages script it as JUnit tests do; see the README. Those requests
 * need no key, are never in {@link #requests()}, and no fault applies to them. Off by default: then
 * {@code /__fake/} paths are 404 {@code NOT_FOUND} like any unknown path.
 *
 * <p>Thread-safe. Starts serving in {@link Builder#build()}; {@link #close()} stops it.
 *
 * <p>The JDK HTTP server stalls about 40 ms per keep-alive request unless TCP_NODELAY is on, so this
 * class sets {@code sun.net.httpserver.nodelay=true} unless already set. A body over the size limit
 * is answered 413 at once, unread, and its connection closed; for the JDK server to close it rather
 * than first read up to 64 KiB more of the body, this class also sets {@code
 * sun.net.httpserver.drainAmount=0} unless already set (a connection whose request body a handler
 * left unread is then closed instead of drained and kept alive). The JDK reads both once, when the
 * first {@code HttpServer} of the JVM starts.
 */
public final class FakeRunflowServer implements AutoCloseable {

    static {
        LoopbackHttpServer.tuneJdkServer();
    }

    /** The instant a deterministic server's clock starts at: 2026-05-06T10:00:00Z. */
    public static final Instant DETERMINISTIC_START = Instant.ofEpochSecond(1_778_061_600L);

    private final FakeBackend backend;
    private final String apiKey;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final boolean controlApi;

    private FakeRunflowServer(FakeConfig config, boolean controlApi, java.math.BigDecimal startingBalance) {
        this.apiKey = config.apiKey();
        this.controlApi = controlApi;
        // The control routes call this server only when a request comes, which is after the backend
        // starts: the last step of its constructor, once they are mounted.
        this.backend = new FakeBackend(config, DETERMINISTIC_START, backend -> {
            if (startingBalance != null) {
                backend.setStartingBalance(startingBalance);
            }
            if (controlApi) {
                backend.mount(ControlApi.PREFIX, () -> ControlApi.routes(this));
            }
        });
    }

    /**
     * Starts configuring a server.
     *
     * @return a new builder with the defaults
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the base URL to give the client.
     *
     * @return e.g. {@code http://127.0.0.1:41234}, without a trailing slash
     */
    public String baseUrl() {
        return backend.baseUrl();
    }

    /**
     * Returns the port the server listens on.
     *
     * @return the bound port
     */
    public int port() {
        return backend.port();
    }

    /**
     * Returns the API key the server accepts as {@code Authorization: Bearer <key>}.
     *
     * @return the key
     */
    public String apiKey() {
        return apiKey;
    }

    /**
     * Returns the current callback signing secret, the one that signs callbacks.
     *
     * @return the secret, e.g. {@code whsec_testkit}
     * @throws IllegalStateException when no secret is current, so callbacks go unsigned
     */
    public String webhookSecret() {
        String current = backend.currentSecret();
        if (current == null) {
            throw new IllegalStateException("no callback signing secret is current; callbacks are sent unsigned");
        }
        return current;
    }

    /**
     * Returns the server's clock, to hand to a client so that both share one time.
     *
     * @return a UTC clock that moves with {@link #advance(Duration)}
     */
    public Clock clock() {
        return backend.clock();
    }

    /**
     * Returns a client builder pointed at this server, whose waiting happens in server time: its
     * clock is {@link #clock()}, its poll scheduler and retry sleeper {@linkplain #advance(Duration)
     * advance} the server's clock instead of waiting, so {@code runs().run(..)} of a run that takes
     * minutes of server time returns in milliseconds. The scheduler, which also runs the polls, belongs
     * to the server. Add anything else (a transport, policies) before {@code build()}.
     *
     * <pre>{@code
     * try (RunflowClient client = server.clientBuilder().build()) {
     *     Run run = client.runs().run(FluxProUltra.input("a fox"));
     * }
     * }</pre>
     *
     * @return a new builder with api key, base URL, clock, sleeper and scheduler set
     */
    public RunflowClient.Builder clientBuilder() {
        ScheduledExecutorService scheduler = backend.clientScheduler();
        return RunflowClient.builder()
                .apiKey(apiKey)
                .baseUrl(baseUrl())
                .clock(clock())
                .sleeper(this::advance)
                .scheduler(scheduler)
                // Polls run on the scheduler's own thread: a virtual clock must not jump to a wait's
                // deadline while a poll is still on its way to the server on another thread.
                .executor(scheduler);
    }

    /** Whether the control API is served, for the standalone jar's banner. */
    boolean controlApi() {
        return controlApi;
    }

    /** How many output images are cached, for tests of this package. */
    int cachedImages() {
        return backend.cachedImages();
    }

    /** The scheduler the client builder hands out, for tests of this package. */
    ScheduledExecutorService clientScheduler() {
        return backend.clientScheduler();
    }

    /**
     * Moves the server's time forward and runs, in order and each at its own time, every phase change
     * and callback attempt that falls due on the way. Callbacks are sent on the calling thread.
     *
     * @param duration how far to move, not negative
     */
    public void advance(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("duration must not be negative: " + duration);
        }
        backend.advance(duration);
    }

    /**
     * Scripts how every later run of a model ends, until {@link #reset()}.
     *
     * @param model the model id, e.g. {@link FakeModel#FLUX_PRO_ULTRA}
     * @param outcome how its runs end
     */
    public void onModel(String model, Outcome outcome) {
        backend.onModel(
                Objects.requireNonNull(model, "model"),
                Objects.requireNonNull(outcome, "outcome").script());
    }

    /**
     * Scripts how the next created run ends, of any model. Calls queue up: the second call applies to
     * the second run, and so on. These come before {@link #onModel(String, Outcome)}.
     *
     * @param outcome how the next run ends
     */
    public void onNextRun(Outcome outcome) {
        backend.onNextRun(Objects.requireNonNull(outcome, "outcome").script());
    }

    /**
     * Lets a {@linkplain Outcome#hold() held} run succeed now.
     *
     * @param runId the run id
     * @return false when the run was already terminal
     * @throws IllegalArgumentException when there is no such run
     */
    public boolean release(String runId) {
        return release(runId, Outcome.succeed());
    }

    /**
     * Ends a {@linkplain Outcome#hold() held} run now with the given outcome; a run not yet running
     * takes the outcome and finishes on schedule.
     *
     * @param runId the run id
     * @param outcome how it ends
     * @return false when the run was already terminal
     * @throws IllegalArgumentException when there is no such run
     */
    public boolean release(String runId, Outcome outcome) {
        Objects.requireNonNull(outcome, "outcome");
        return backend.release(Objects.requireNonNull(runId, "runId"), outcome.script());
    }

    /**
     * Installs a fault for the next matching requests.
     *
     * @param fault the fault, e.g. {@code Fault.rateLimited().times(2)}
     */
    public void inject(Fault fault) {
        backend.inject(Objects.requireNonNull(fault, "fault").rule());
    }

    /**
     * Waits (real time) until the server handles no API request: for a test that gave up on an
     * answer, say after a client timeout, to let the server finish what it does with the request
     * (a {@link Fault#delay(Duration)} applies it late; a {@link Fault#slowBody(Duration)} or {@link
     * Fault#oversizedBody(long)} writes until the client goes away) before it counts what the server
     * holds.
     *
     * <pre>{@code
     * assertThat(server.awaitIdle(Duration.ofSeconds(5))).isTrue();
     * assertThat(server.runs()).hasSize(1);
     * }</pre>
     *
     * @param timeout how long to wait at most, not negative
     * @return true when idle, false when requests were still being handled at the timeout
     * @throws IllegalStateException when the waiting thread is interrupted (its interrupt flag is set again)
     */
    public boolean awaitIdle(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must not be negative: " + timeout);
        }
        try {
            return backend.awaitIdle(timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the fake Runflow server to be idle", e);
        }
    }

    /**
     * Returns the oldest request not taken yet, waiting up to one second for it to arrive.
     *
     * @return the request
     * @throws IllegalStateException when none arrives in time
     */
    public RecordedRequest takeRequest() {
        return takeRequest(Duration.ofSeconds(1));
    }

    /**
     * Returns the oldest request not taken yet, waiting up to {@code timeout} (real time) for it.
     *
     * @param timeout how long to wait
     * @return the request
     * @throws IllegalStateException when none arrives in time
     */
    public RecordedRequest takeRequest(Duration timeout) {
        return backend.takeRequest(Objects.requireNonNull(timeout, "timeout"));
    }

    /**
     * Returns every request received since start or {@link #reset()}, taken or not, oldest first;
     * at most {@link Builder#journalCapacity(int)} of the latest.
     *
     * @return an immutable list
     */
    public List<RecordedRequest> requests() {
        return backend.requests();
    }

    /**
     * Returns every run, oldest first: one per create the server applied, so a replayed {@code
     * Idempotency-Key} adds none.
     *
     * @return snapshots of the runs
     */
    public List<FakeRun> runs() {
        return backend.runs();
    }

    /**
     * Returns one run.
     *
     * @param runId the run id
     * @return a snapshot, or empty when there is no such run
     */
    public Optional<FakeRun> run(String runId) {
        return backend.run(runId);
    }

    /**
     * Returns every callback delivery, oldest first.
     *
     * @return snapshots of the deliveries
     */
    public List<RecordedCallback> deliveries() {
        return backend.deliveries(null);
    }

    /**
     * Returns the callback deliveries of one run, oldest first: the automatic one and one per
     * redelivery the server applied ({@link RecordedCallback#automatic()} false), so a replayed
     * {@code Idempotency-Key} adds none.
     *
     * @param runId the run id
     * @return snapshots of its deliveries
     */
    public List<RecordedCallback> deliveries(String runId) {
        return backend.deliveries(Objects.requireNonNull(runId, "runId"));
    }

    /**
     * Adds an organization webhook, as Runflow's dashboard would: the API's create is not documented,
     * so the fake serves none, and a test adds the webhooks its code under test reads. When a run
     * ends, every enabled webhook subscribed to its event ({@code run.completed}, {@code run.failed},
     * {@code run.cancelled}, {@code run.partial_succeeded}), or to none (every event), gets a delivery
     * of the run's callback payload, POSTed once and unsigned. {@link #reset()} removes them.
     *
     * <pre>{@code
     * String id = server.addWebhook("http://127.0.0.1:8080/hooks", "run.completed");
     * }</pre>
     *
     * @param url an absolute {@code http} or {@code https} URL (loopback unless remote callbacks are allowed)
     * @param eventTypes the event types it subscribes to; none for every event
     * @return the webhook's id
     * @throws IllegalArgumentException for a URL that is not one, or an unknown event type
     */
    public String addWebhook(String url, String... eventTypes) {
        Objects.requireNonNull(url, "url");
        return backend.addWebhook(url, List.of(eventTypes));
    }

    /**
     * Makes the receiving end of every callback unreachable for a while, for outage tests: each
     * attempt in that window (server time) fails as a refused connection would, is recorded so in
     * {@link #deliveries()}, and is retried on the usual schedule; the first retry after the window
     * reaches the receiver. {@link #reset()} lifts the block.
     *
     * <pre>{@code
     * server.blockCallbacks(Duration.ofMinutes(2));   // the receiver is "down" for two minutes
     * }</pre>
     *
     * @param duration how long, from now; {@link Duration#ZERO} lifts a block at once
     * @return when the block ends, in server time
     */
    public Instant blockCallbacks(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("duration must not be negative: " + duration);
        }
        return backend.blockCallbacks(duration);
    }

    /**
     * Sets the organization's credit balance (it is $100.00 at the start, or what {@link
     * Builder#startingBalance} set, and after every {@link #reset()}).
     * Every succeeded run debits its model's price; a run or batch create that the balance cannot pay
     * for is answered 402 {@code INSUFFICIENT_CREDIT}, as Runflow answers it.
     *
     * @param dollars the balance, for example {@code new BigDecimal("0.05")}
     */
    public void setBalance(java.math.BigDecimal dollars) {
        backend.setBalance(java.util.Objects.requireNonNull(dollars, "dollars"));
    }

    /**
     * Returns the organization's callback signing secrets, oldest first: the one the server started
     * with (unless {@link Builder#withoutWebhookSecret()}) and one per create the server applied.
     *
     * @return snapshots of the secrets, without their values
     */
    public List<FakeCallbackSecret> callbackSecrets() {
        return backend.callbackSecrets();
    }

    /**
     * Returns the ids of the assets the server holds, oldest first: one per upload confirmation it
     * applied.
     *
     * @return an immutable list
     */
    public List<String> assetIds() {
        return backend.assetIds();
    }

    /**
     * Returns how many asset-upload sessions ({@code POST /v1/asset-uploads}) the server opened,
     * confirmed or not; a replayed {@code Idempotency-Key} opens none.
     *
     * @return the count
     */
    public int uploadSessions() {
        return backend.uploadSessions();
    }

    /**
     * Forgets runs, deliveries, requests, faults, Idempotency-Keys, scripted outcomes, created
     * secrets, rendered images and the client scheduler's pending polls (their futures are cancelled),
     * and puts the clock back, so the next test starts as on a fresh server. The port, key and catalog
     * stay.
     */
    public void reset() {
        backend.reset();
    }

    /** Stops serving and stops every timed task. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            backend.close();
        }
    }

    /** Shows the base URL; never the key or secret. */
    @Override
    public String toString() {
        return "FakeRunflowServer[" + baseUrl() + "]";
    }

    /**
     * Configures a {@link FakeRunflowServer}. Every setter rejects null; {@link #build()} starts the
     * server.
     */
    public static final class Builder {

        private int port;
        private String apiKey = "rf_test_fake_key";
        private String webhookSecret = "whsec_testkit_secret";
        private List<FakeModel> models = FakeModel.defaults();
        private int imageWidth;
        private int imageHeight;
        private Clock clock;
        private double timeScale = 1.0;
        private boolean deterministic;
        private Duration queued = Duration.ofMillis(10);
        private Duration dispatching = Duration.ofMillis(10);
        private Duration running = Duration.ofMillis(30);
        private int maxRequestBodyBytes = 1024 * 1024;
        private Duration callbackTimeout = Duration.ofSeconds(5);
        private boolean allowNonLoopbackCallbacks;
        private int journalCapacity = 10_000;
        private boolean controlApi;
        private java.math.BigDecimal startingBalance;

        private Builder() {}

        /**
         * Sets the port. Default 0: any free port.
         *
         * @param port 0 to 65535
         * @return this builder
         */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0..65535: " + port);
            }
            this.port = port;
            return this;
        }

        /**
         * Sets the API key the server accepts. Default {@code rf_test_fake_key}.
         *
         * @param apiKey not blank
         * @return this builder
         */
        public Builder apiKey(String apiKey) {
            this.apiKey = notBlank(apiKey, "apiKey");
            return this;
        }

        /**
         * Sets the callback signing secret that is current at start. Default {@code
         * whsec_testkit_secret}.
         *
         * @param secret not blank
         * @return this builder
         */
        public Builder webhookSecret(String secret) {
            this.webhookSecret = notBlank(secret, "secret");
            return this;
        }

        /**
         * Starts without a signing secret: callbacks carry no {@code Runflow-Signature} until one is
         * created through {@code POST /v1/callback-secrets}.
         *
         * @return this builder
         */
        public Builder withoutWebhookSecret() {
            this.webhookSecret = null;
            return this;
        }

        /**
         * Replaces the model catalog. Default {@link FakeModel#defaults()}.
         *
         * @param catalog the models the server knows
         * @return this builder
         */
        public Builder models(List<FakeModel> catalog) {
            this.models = List.copyOf(catalog);
            return this;
        }

        /**
         * Adds a model to the catalog, replacing one with the same id.
         *
         * @param model the model
         * @return this builder
         */
        public Builder model(FakeModel model) {
            Objects.requireNonNull(model, "model");
            List<FakeModel> copy = new ArrayList<>(models);
            copy.removeIf(m -> m.id().equals(model.id()));
            copy.add(model);
            this.models = List.copyOf(copy);
            return this;
        }

        /**
         * Makes every model produce images of this size, so tests download small JPEGs. Default: each
         * model's own size (FLUX 1.1 [pro] Ultra: 2752x1536).
         *
         * @param width pixels, 1 to 8192
         * @param height pixels, 1 to 8192
         * @return this builder
         */
        public Builder outputImageSize(int width, int height) {
            FakeModel.checkImageSize(width, height);
            this.imageWidth = width;
            this.imageHeight = height;
            return this;
        }

        /**
         * Sets the base clock the server's time follows. Default: the system clock, or a clock fixed
         * at {@link #DETERMINISTIC_START} in deterministic mode.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Makes server time run faster than the base clock: with 10, the 1 s callback backoff takes
         * 100 ms. Default 1.
         *
         * @param scale server seconds per base-clock second, greater than 0
         * @return this builder
         */
        public Builder timeScale(double scale) {
            if (!(scale > 0) || Double.isInfinite(scale)) {
                throw new IllegalArgumentException("timeScale must be a positive number: " + scale);
            }
            this.timeScale = scale;
            return this;
        }

        /**
         * Deterministic mode: time moves only through {@link FakeRunflowServer#advance(Duration)},
         * the clock starts at {@link #DETERMINISTIC_START} (unless a clock is set), and ids, seeds and
         * created secrets come from counters that {@link FakeRunflowServer#reset()} restarts.
         *
         * @return this builder
         */
        public Builder deterministic() {
            this.deterministic = true;
            return this;
        }

        /**
         * Sets how long a run stays queued, dispatching and running, in server time. Default 10 ms,
         * 10 ms and 30 ms.
         *
         * @param queued time in {@code queued}
         * @param dispatching time in {@code dispatching}
         * @param running time in {@code running}, reported as {@code timing.inference_ms}
         * @return this builder
         */
        public Builder phases(Duration queued, Duration dispatching, Duration running) {
            this.queued = notNegative(queued, "queued");
            this.dispatching = notNegative(dispatching, "dispatching");
            this.running = notNegative(running, "running");
            return this;
        }

        /**
         * Sets the largest request body accepted; larger ones get 413 {@code PAYLOAD_TOO_LARGE}.
         * Default 1 MiB.
         *
         * @param bytes at least 1
         * @return this builder
         */
        public Builder maxRequestBodySize(int bytes) {
            if (bytes < 1) {
                throw new IllegalArgumentException("maxRequestBodySize must be at least 1: " + bytes);
            }
            this.maxRequestBodyBytes = bytes;
            return this;
        }

        /**
         * Sets the timeout of one callback attempt (real time). Default 5 s.
         *
         * @param timeout positive
         * @return this builder
         */
        public Builder callbackTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isZero() || timeout.isNegative()) {
                throw new IllegalArgumentException("callbackTimeout must be positive: " + timeout);
            }
            this.callbackTimeout = timeout;
            return this;
        }

        /**
         * Lets callbacks go to hosts other than loopback. Default false: a callback goes only to {@code
         * localhost}, an IPv4 literal in 127.0.0.0/8 or {@code [::1]} (judged by the URL's text, never
         * through DNS); to any other host an attempt is recorded as a network error and nothing leaves
         * the machine.
         *
         * @param allow true to send callbacks anywhere
         * @return this builder
         */
        public Builder allowNonLoopbackCallbacks(boolean allow) {
            this.allowNonLoopbackCallbacks = allow;
            return this;
        }

        /**
         * Sets how many requests the journal keeps; past it the oldest are forgotten. Default 10,000.
         *
         * @param requests at least 1
         * @return this builder
         */
        public Builder journalCapacity(int requests) {
            if (requests < 1) {
                throw new IllegalArgumentException("journalCapacity must be at least 1: " + requests);
            }
            this.journalCapacity = requests;
            return this;
        }

        /**
         * Serves the control API under {@code /__fake/v1/}: HTTP endpoints for {@link
         * FakeRunflowServer#onModel onModel}, {@link FakeRunflowServer#onNextRun onNextRun}, {@link
         * FakeRunflowServer#inject inject}, {@link FakeRunflowServer#advance advance}, {@link
         * FakeRunflowServer#release(String, Outcome) release}, {@link FakeRunflowServer#reset reset}
         * and the runs, requests, deliveries and secrets, for tests written in other languages. Its
         * requests need no key and stay out of the journal. Default false (the standalone jar turns it
         * on): a test in Java has the methods themselves, and {@code /__fake/} paths are then 404 like
         * any unknown path.
         *
         * @param enabled true to serve the control API
         * @return this builder
         */
        public Builder controlApi(boolean enabled) {
            this.controlApi = enabled;
            return this;
        }

        /**
         * Sets the credit balance the organization starts with and returns to on every {@link
         * FakeRunflowServer#reset() reset}. Default $100.00: enough for about 1,700 FLUX Ultra runs
         * between resets; a load test sets more.
         *
         * @param dollars zero or more, for example {@code new BigDecimal("10000")}
         * @return this builder
         */
        public Builder startingBalance(java.math.BigDecimal dollars) {
            Objects.requireNonNull(dollars, "dollars");
            if (dollars.signum() < 0) {
                throw new IllegalArgumentException("startingBalance must not be negative: " + dollars);
            }
            this.startingBalance = dollars;
            return this;
        }

        /**
         * Binds the port and starts serving.
         *
         * @return the running server
         * @throws UncheckedIOException when the port cannot be bound
         */
        public FakeRunflowServer build() {
            List<FakeModel> catalog = new ArrayList<>();
            for (FakeModel m : models) {
                catalog.add(imageWidth > 0 ? m.withSize(imageWidth, imageHeight) : m);
            }
            return new FakeRunflowServer(
                    new FakeConfig(
                            port,
                            apiKey,
                            webhookSecret,
                            catalog,
                            clock,
                            timeScale,
                            deterministic,
                            queued,
                            dispatching,
                            running,
                            maxRequestBodyBytes,
                            callbackTimeout,
                            allowNonLoopbackCallbacks,
                            journalCapacity),
                    controlApi,
                    startingBalance);
        }

        private static String notBlank(String value, String name) {
            Objects.requireNonNull(value, name);
            if (value.isBlank()) {
                throw new IllegalArgumentException(name + " must not be blank");
            }
            return value;
        }

        private static Duration notNegative(Duration value, String name) {
            Objects.requireNonNull(value, name);
            if (value.isNegative()) {
                throw new IllegalArgumentException(name + " must not be negative: " + value);
            }
            return value;
        }
    }
}
