package io.runflow.testkit.internal.fake;

import io.runflow.testkit.FakeCallbackSecret;
import io.runflow.testkit.FakeModel;
import io.runflow.testkit.FakeRun;
import io.runflow.testkit.RecordedCallback;
import io.runflow.testkit.RecordedRequest;
import io.runflow.testkit.internal.http.Dispatcher;
import io.runflow.testkit.internal.http.ErrorResponseException;
import io.runflow.testkit.internal.http.FaultRule;
import io.runflow.testkit.internal.http.Faults;
import io.runflow.testkit.internal.http.Idempotency;
import io.runflow.testkit.internal.http.Journal;
import io.runflow.testkit.internal.http.LoopbackHttpServer;
import io.runflow.testkit.internal.http.Request;
import io.runflow.testkit.internal.http.Response;
import io.runflow.testkit.internal.http.Router;
import io.runflow.testkit.internal.http.UnrecordedDispatcher;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;

/**
 * The fake's insides, wired: the Runflow domain (runs, lifecycle, models, callback secrets,
 * callbacks, outcomes), its route table, and the HTTP plumbing that serves it. {@code
 * FakeRunflowServer} is its public face and holds nothing else. Not public API.
 */
public final class FakeBackend implements AutoCloseable {

    /** Written without Jackson, so that the first health check does not wait for it to load. */
    private static final byte[] HEALTH = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);

    private static final String ORG_ID = "00000000-0000-4000-8000-00000000000a";

    private final LoopbackHttpServer http;
    private final byte[] bearer;
    private final ServerClock clock;
    private final Scheduler scheduler;
    private final Ids ids;
    private final RunStore store = new RunStore();
    private final Journal journal;
    private final Faults faults = new Faults();
    private final Dispatcher dispatcher;
    private final CallbackSender sender;
    private final Idempotency idempotency = new Idempotency();
    private final Outcomes outcomes = new Outcomes();
    private final CallbackSecretsApi secrets;
    private final CallbackLedger ledger;
    private final RunLifecycle lifecycle;
    private final VirtualScheduler clientScheduler;
    private final JpegRenderer images = new JpegRenderer();
    private final BatchesApi batches;
    private final AssetsApi assets;
    private final AccountApi account;
    private final LoopbackGuard guard;
    private final WebhooksApi webhooks;

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
        this.http = LoopbackHttpServer.bind(config.port());
        this.bearer = ("Bearer " + config.apiKey()).getBytes(StandardCharsets.UTF_8);
        this.journal = new Journal(config.journalCapacity());
        Clock base = config.clock() != null
                ? config.clock()
                : config.deterministic() ? Clock.fixed(deterministicStart, ZoneOffset.UTC) : Clock.systemUTC();
        this.clock = new ServerClock(base, config.timeScale());
        // An attempt ends within its timeout plus a second (CallbackSender bounds it); advance waits no longer.
        this.scheduler = new Scheduler(
                clock, !config.deterministic(), config.callbackTimeout().plusSeconds(2));
        this.ids = new Ids(config.deterministic(), clock);
        ModelsApi models = new ModelsApi(config.models(), ORG_ID, clock.instant());
        this.secrets = new CallbackSecretsApi(ids, clock, ORG_ID, config.webhookSecret());
        this.ledger = new CallbackLedger(clock);
        this.sender = new CallbackSender(config.callbackTimeout());
        this.guard = new LoopbackGuard(config.allowNonLoopbackCallbacks(), clock);
        Callbacks callbacks = new Callbacks(clock, scheduler, ids, secrets, ledger, sender, guard);
        this.webhooks = new WebhooksApi(ids, clock, ORG_ID, scheduler, sender, guard);
        String baseUrl = http.baseUrl();
        this.lifecycle = new RunLifecycle(
                store,
                scheduler,
                clock,
                new RunLifecycle.Phases(config.queued(), config.dispatching(), config.running()),
                () -> baseUrl,
                run -> {
                    callbacks.runFinished(store, run);
                    runTerminal(run);
                },
                images);
        RunJson runJson = new RunJson(ORG_ID);
        RunsApi runs = new RunsApi(store, models, lifecycle, callbacks, ledger, outcomes, ids, clock, runJson);
        this.batches = new BatchesApi(store, models, lifecycle, callbacks, ledger, outcomes, ids, clock, runJson);
        this.assets = new AssetsApi(ids, clock, ORG_ID, () -> baseUrl);
        this.account = new AccountApi(clock, ORG_ID);
        this.clientScheduler = new VirtualScheduler(clock::instant, this::advance);
        beforeStart.accept(this);
        this.dispatcher = new Dispatcher(
                routes(models, runs, new Files(store, images)),
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

    /** A run became terminal: a succeeded one is billed; the last item of a batch sends its callback. */
    private void runTerminal(RunState run) {
        BigDecimal cost = null;
        com.fasterxml.jackson.databind.node.ObjectNode event;
        synchronized (store) {
            if (run.hasSucceeded()) {
                cost = new BigDecimal(run.model.price());
            }
            event = RunJson.callbackPayload(run);
        }
        webhooks.runFinished(event);
        if (cost != null) {
            account.debit(cost);
        }
        batches.runFinished(run);
    }

    /** What {@code items} runs of the request's model cost; an unknown model is the handler's 404. */
    private static BigDecimal price(ModelsApi models, Request request, int items) {
        FakeModel model = models.require(request.param("model"));
        return new BigDecimal(model.price()).multiply(BigDecimal.valueOf(items));
    }

    /**
     * Sets the organization's credit balance; creates it cannot pay for are answered 402.
     *
     * @param amount the balance in dollars
     */
    public void setBalance(BigDecimal amount) {
        account.setBalance(amount);
    }

    /**
     * Sets the balance the organization starts with, and returns to after every reset.
     *
     * @param amount the balance in dollars
     */
    public void setStartingBalance(BigDecimal amount) {
        account.setStartingBalance(amount);
    }

    /**
     * Makes every callback URL unreachable for a while (server time): attempts in that window fail as
     * a refused connection and are retried on the schedule.
     *
     * @param duration how long, from now; zero lifts a block
     * @return when the block ends
     */
    public Instant blockCallbacks(Duration duration) {
        Instant until = clock.instant().plus(duration);
        guard.blockUntil(duration.isZero() ? null : until);
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
        return webhooks.add(url, eventTypes);
    }

    /** The route table: every endpoint of the contract the fake implements. */
    private Router routes(ModelsApi models, RunsApi runs, Files files) {
        CallbackSecretsApi s = secrets;
        NodeRuns nodeRuns = new NodeRuns(store);
        return new Router(this::authorize)
                .use(idempotency)
                .open("GET", "/v1/health", r -> Response.bytes(200, "application/json", HEALTH.clone()))
                .open("GET", "/v1/public/models", models::list)
                .open("GET", "/files/{run}/{file}", files::get)
                .open("PUT", "/uploads/{id}", assets::put)
                .open("GET", "/asset-files/{id}", assets::file)
                .route("GET", "/v1/models", models::list)
                .route("POST", "/v1/models/{model...}/runs", r -> {
                    account.requireCredit(price(models, r, 1));
                    return runs.create(r);
                })
                .route("POST", "/v1/models/{model...}/batches", r -> {
                    account.requireCredit(price(models, r, BatchesApi.itemCount(r)));
                    return batches.create(r);
                })
                .route("GET", "/v1/models/{model...}", models::get)
                .route("GET", "/v1/runs", runs::list)
                .route("GET", "/v1/runs/statuses", runs::statuses)
                .route("GET", "/v1/runs/{id}", runs::get)
                .route("GET", "/v1/runs/{id}/logs", runs::logs)
                .route("GET", "/v1/runs/{id}/node-runs", nodeRuns::list)
                .route("GET", "/v1/runs/{run}/node-runs/{id}", nodeRuns::get)
                .route("GET", "/v1/runs/{id}/callback", runs::callbackHistory)
                .route("POST", "/v1/runs/{id}/callback-redeliveries", runs::redeliver)
                .route("POST", "/v1/admin/runs/{id}/cancellation", runs::cancel)
                .route("GET", "/v1/batches/{id}", batches::get)
                .route("GET", "/v1/batches/{id}/items", batches::items)
                .route("GET", "/v1/batches/{batch}/items/{id}", batches::item)
                .route("GET", "/v1/batches/{id}/callback", batches::callbackHistory)
                .route("POST", "/v1/batches/{id}/callback-redeliveries", batches::redeliver)
                .route("POST", "/v1/asset-uploads", assets::presign)
                .route("POST", "/v1/asset-uploads/{id}/confirmations", assets::confirm)
                .route("GET", "/v1/assets/types", assets::types)
                .route("GET", "/v1/assets/{id}", assets::get)
                .route("GET", "/v1/auth/me", account::me)
                .route("GET", "/v1/billing/balance", account::balance)
                .route("PATCH", "/v1/billing/balance", account::patch)
                .route("GET", "/v1/webhooks", webhooks::list)
                .route("GET", "/v1/webhooks/event-types", webhooks::eventTypes)
                .route("GET", "/v1/webhooks/{id}", webhooks::get)
                .route("PATCH", "/v1/webhooks/{id}", webhooks::patch)
                .route("DELETE", "/v1/webhooks/{id}", webhooks::delete)
                .route("GET", "/v1/webhooks/{id}/deliveries", webhooks::deliveries)
                .route("GET", "/v1/webhooks/{webhook}/deliveries/{id}/attempts", webhooks::attempts)
                .route("GET", "/v1/callback-secrets", s::list)
                .route("POST", "/v1/callback-secrets", s::create)
                .route("GET", "/v1/callback-secrets/{id}", s::get)
                .route("PATCH", "/v1/callback-secrets/{id}", s::patch);
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

    /** Bearer auth, compared in constant time. */
    private void authorize(Request request) {
        String header = request.header("Authorization");
        byte[] given = header == null ? new byte[0] : header.getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(bearer, given)) {
            throw new ErrorResponseException(401, "UNAUTHORIZED", "missing or invalid API key", null);
        }
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
     * @param routes the routes of those paths
     */
    public void mount(String prefix, Router routes) {
        http.mount(prefix, new UnrecordedDispatcher(routes));
    }

    /**
     * Returns the current signing secret's value.
     *
     * @return the value, or null when none is current
     */
    public String currentSecret() {
        return secrets.currentValue();
    }

    /**
     * Returns the callback signing secrets, oldest first.
     *
     * @return snapshots
     */
    public List<FakeCallbackSecret> callbackSecrets() {
        return secrets.snapshots();
    }

    /**
     * Returns the ids of the assets, oldest first.
     *
     * @return an immutable list
     */
    public List<String> assetIds() {
        return assets.assetIds();
    }

    /**
     * Returns how many upload sessions were opened.
     *
     * @return the count, confirmed ones included
     */
    public int uploadSessions() {
        return assets.uploadSessions();
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
        return clientScheduler;
    }

    /**
     * Moves server time and runs what falls due.
     *
     * @param duration not negative
     */
    public void advance(Duration duration) {
        scheduler.advance(duration);
    }

    /**
     * Scripts how every later run of a model ends.
     *
     * @param model the model id
     * @param outcome how its runs end
     */
    public void onModel(String model, ScriptedOutcome outcome) {
        outcomes.onModel(model, outcome);
    }

    /**
     * Scripts how the next created run ends.
     *
     * @param outcome how it ends
     */
    public void onNextRun(ScriptedOutcome outcome) {
        outcomes.onNextRun(outcome);
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
        RunState run = store.find(runId);
        if (run == null) {
            throw new IllegalArgumentException("no run with id " + runId);
        }
        return lifecycle.release(run, outcome);
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
        return store.snapshots();
    }

    /**
     * Returns one run.
     *
     * @param runId the id
     * @return a snapshot, or empty
     */
    public Optional<FakeRun> run(String runId) {
        return Optional.ofNullable(store.snapshot(runId));
    }

    /**
     * Returns callback deliveries, oldest first.
     *
     * @param runId the run whose deliveries to return, or null for every run's
     * @return snapshots
     */
    public List<RecordedCallback> deliveries(String runId) {
        return ledger.snapshots(runId);
    }

    /**
     * Returns how many output images are cached, for tests of the cache.
     *
     * @return the count
     */
    public int cachedImages() {
        return images.cached();
    }

    /** Forgets everything a test left, and puts the clock back. */
    public void reset() {
        clientScheduler.clear();
        scheduler.clear(() -> {
            store.clear();
            batches.clear();
            assets.clear();
            account.reset();
            journal.clear();
            faults.clear();
            idempotency.clear();
            outcomes.clear();
            ledger.clear();
            ids.reset();
            clock.reset();
            secrets.reset();
            images.clear();
            guard.blockUntil(null);
            webhooks.clear();
        });
    }

    /** Stops serving and stops every timed task. */
    @Override
    public void close() {
        clientScheduler.shutdownNow();
        http.stop();
        scheduler.close();
        sender.close();
    }
}
