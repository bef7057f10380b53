package io.runflow.testkit.internal.fake;

import io.runflow.testkit.FakeCallbackSecret;
import io.runflow.testkit.FakeRun;
import io.runflow.testkit.RecordedCallback;
import io.runflow.testkit.RecordedRequest;
import io.runflow.testkit.internal.http.Dispatcher;
import io.runflow.testkit.internal.http.FaultRule;
import io.runflow.testkit.internal.http.Faults;
import io.runflow.testkit.internal.http.Journal;
import io.runflow.testkit.internal.http.LoopbackHttpServer;
import io.runflow.testkit.internal.http.Response;
import io.runflow.testkit.internal.http.Router;
import io.runflow.testkit.internal.http.UnrecordedDispatcher;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The fake's insides: the HTTP plumbing, the journal, the faults and the clock, made at start, and
 * the Runflow {@link Domain} (runs, lifecycle, models, callback secrets, callbacks, outcomes and the
 * route table), made on first use. {@code FakeRunflowServer} is its public face and holds nothing
 * else. Not public API.
 *
 * <p>Start-up does only what the first health check needs: the health check is answered here, and
 * every other request, scripting or inspection call makes the domain first.
 */
public final class FakeBackend implements AutoCloseable {

    /** Written without Jackson, so that the first health check does not wait for it to load. */
    private static final byte[] HEALTH = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);

    private final FakeConfig config;
    private final LoopbackHttpServer http;
    private final ServerClock clock;
    private final Instant startedAt;
    private final Journal journal;
    private final Faults faults = new Faults();
    private final Dispatcher dispatcher;
    /** Made on first use; written under {@code this}. */
    private volatile Domain domain;
    /** Guarded by {@code this}. */
    private BigDecimal startingBalance;
    /** Guarded by {@code this}. */
    private boolean closed;

    /**
     * Binds the port and starts serving.
     *
     * @param config the checked settings
     * @param deterministicStart where a deterministic clock starts
     * @param beforeStart called once everything is wired and before the first request can arrive, to
     *     {@link #mount} further routes (the control API) with no window in which they answer 404
     * @throws java.io.UncheckedIOException when the port cannot be bound
     */
    public FakeBackend(FakeConfig config, Instant deterministicStart, Consumer<FakeBackend> beforeStart) {
        LoopbackHttpServer.warmUp();
        this.config = config;
        this.http = LoopbackHttpServer.bind(config.port());
        this.journal = new Journal(config.journalCapacity());
        Clock base = config.clock() != null
                ? config.clock()
                : config.deterministic() ? Clock.fixed(deterministicStart, ZoneOffset.UTC) : Clock.systemUTC();
        this.clock = new ServerClock(base, config.timeScale());
        this.startedAt = clock.instant();
        beforeStart.accept(this);
        Router health = new Router(request -> {})
                .open("GET", "/v1/health", r -> Response.bytes(200, "application/json", HEALTH.clone()))
                .otherwise(() -> domain().routes);
        this.dispatcher = new Dispatcher(
                health,
                journal,
                faults,
                clock,
                config.maxRequestBodyBytes(),
                "/uploads/",
                AssetsApi.MAX_BYTES,
                http::handOff,
                FakeBackend::waits);
        http.start(dispatcher);
    }

    /** The domain, made on first use. */
    private Domain domain() {
        Domain d = domain;
        if (d != null) {
            return d;
        }
        synchronized (this) {
            if (domain == null) {
                Domain made = new Domain(config, clock, startedAt, http.baseUrl(), startingBalance);
                if (closed) {
                    made.close(); // asked after close: an empty domain, with no thread left running
                }
                domain = made;
            }
            return domain;
        }
    }

    /**
     * The paths whose handling may wait, served on a pool thread: a callback redelivery waits for its
     * attempt (whose receiver may call this server), files are drawn or sent in megabytes.
     */
    private static boolean waits(String path) {
        return path.startsWith("/files/")
                || path.startsWith("/asset-files/")
                || path.endsWith("/callback-redeliveries");
    }

    /**
     * Sets the organization's credit balance; creates it cannot pay for are answered 402.
     *
     * @param amount the balance in dollars
     */
    public void setBalance(BigDecimal amount) {
        domain().account.setBalance(amount);
    }

    /**
     * Sets the balance the organization starts with, and returns to after every reset.
     *
     * @param amount the balance in dollars
     */
    public void setStartingBalance(BigDecimal amount) {
        Domain d;
        synchronized (this) {
            startingBalance = amount;
            d = domain;
        }
        if (d != null) {
            d.account.setStartingBalance(amount);
        }
    }

    /**
     * Makes every callback URL unreachable for a while (server time): attempts in that window fail as
     * a refused connection and are retried on the schedule.
     *
     * @param duration how long, from now; zero lifts a block
     * @return when the block ends
     */
    public Instant blockCallbacks(Duration duration) {
        Domain d = domain();
        Instant until = clock.instant().plus(duration);
        d.guard.blockUntil(duration.isZero() ? null : until);
        return until;
    }

    /**
     * Adds an organization webhook, as Runflow's dashboard would (the API's create is not documented).
     *
     * @param url where deliveries go
     * @param eventTypes the event types it subscribes to; empty for every event
     * @return the webhook's id
     */
    public String addWebhook(String url, List<String> eventTypes) {
        return domain().webhooks.add(url, eventTypes);
    }

    /**
     * Returns the base URL.
     *
     * @return {@code http://127.0.0.1:<port>}
     */
    public String baseUrl() {
        return http.baseUrl();
    }

    /**
     * Returns the bound port.
     *
     * @return the port
     */
    public int port() {
        return http.port();
    }

    /**
     * Serves the paths under a reserved prefix with their own routes, apart from the API: no journal,
     * no faults, no request ids; the routes bring their own guard and middleware (the control API).
     *
     * @param prefix e.g. {@code /__fake/}
     * @param routes makes the routes of those paths, on their first request
     */
    public void mount(String prefix, Supplier<Router> routes) {
        http.mount(prefix, new UnrecordedDispatcher(routes));
    }

    /**
     * Returns the current signing secret's value.
     *
     * @return the value, or null when none is current
     */
    public String currentSecret() {
        return domain().secrets.currentValue();
    }

    /**
     * Returns the callback signing secrets, oldest first.
     *
     * @return snapshots
     */
    public List<FakeCallbackSecret> callbackSecrets() {
        return domain().secrets.snapshots();
    }

    /**
     * Returns the ids of the assets, oldest first.
     *
     * @return an immutable list
     */
    public List<String> assetIds() {
        return domain().assets.assetIds();
    }

    /**
     * Returns how many upload sessions were opened.
     *
     * @return the count, confirmed ones included
     */
    public int uploadSessions() {
        return domain().assets.uploadSessions();
    }

    /**
     * Returns the server clock.
     *
     * @return the clock that {@link #advance(Duration)} moves
     */
    public Clock clock() {
        return clock;
    }

    /**
     * Returns the scheduler for a client's polls, which waits in server time.
     *
     * @return the scheduler
     */
    public ScheduledExecutorService clientScheduler() {
        return domain().clientScheduler;
    }

    /**
     * Moves server time and runs what falls due.
     *
     * @param duration not negative
     */
    public void advance(Duration duration) {
        domain().scheduler.advance(duration);
    }

    /**
     * Scripts how every later run of a model ends.
     *
     * @param model the model id
     * @param outcome how its runs end
     */
    public void onModel(String model, ScriptedOutcome outcome) {
        domain().outcomes.onModel(model, outcome);
    }

    /**
     * Scripts how the next created run ends.
     *
     * @param outcome how it ends
     */
    public void onNextRun(ScriptedOutcome outcome) {
        domain().outcomes.onNextRun(outcome);
    }

    /**
     * Ends a held run, or gives a run not yet running its outcome.
     *
     * @param runId the run id
     * @param outcome how it ends
     * @return false when the run was already terminal
     * @throws IllegalArgumentException when there is no such run
     */
    public boolean release(String runId, ScriptedOutcome outcome) {
        Domain d = domain();
        RunState run = d.store.find(runId);
        if (run == null) {
            throw new IllegalArgumentException("no run with id " + runId);
        }
        return d.lifecycle.release(run, outcome);
    }

    /**
     * Waits until no API request is being handled.
     *
     * @param timeout how long to wait at most
     * @return false when requests were still being handled at the timeout
     * @throws InterruptedException when interrupted while waiting
     */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        return dispatcher.awaitIdle(timeout);
    }

    /**
     * Installs a fault.
     *
     * @param rule the fault
     */
    public void inject(FaultRule rule) {
        faults.add(rule);
    }

    /**
     * Returns the oldest request not taken yet, waiting for it.
     *
     * @param timeout how long to wait
     * @return the request
     * @throws IllegalStateException when none arrives in time
     */
    public RecordedRequest takeRequest(Duration timeout) {
        return journal.take(timeout);
    }

    /**
     * Returns the journal's requests, oldest first.
     *
     * @return an immutable list
     */
    public List<RecordedRequest> requests() {
        return journal.all();
    }

    /**
     * Returns every run, oldest first.
     *
     * @return snapshots
     */
    public List<FakeRun> runs() {
        return domain().store.snapshots();
    }

    /**
     * Returns one run.
     *
     * @param runId the id
     * @return a snapshot, or empty
     */
    public Optional<FakeRun> run(String runId) {
        return Optional.ofNullable(domain().store.snapshot(runId));
    }

    /**
     * Returns callback deliveries, oldest first.
     *
     * @param runId the run whose deliveries to return, or null for every run's
     * @return snapshots
     */
    public List<RecordedCallback> deliveries(String runId) {
        return domain().ledger.snapshots(runId);
    }

    /**
     * Returns how many output images are cached, for tests of the cache.
     *
     * @return the count
     */
    public int cachedImages() {
        return domain().images.cached();
    }

    /** Forgets everything a test left, and puts the clock back. */
    public void reset() {
        domain().reset(() -> {
            journal.clear();
            faults.clear();
        });
    }

    /** Stops serving and stops every timed task. */
    @Override
    public void close() {
        Domain d;
        synchronized (this) {
            closed = true;
            d = domain;
        }
        if (d != null) {
            d.clientScheduler.shutdownNow();
        }
        http.stop();
        if (d != null) {
            d.scheduler.close();
            d.sender.close();
        }
    }
}
