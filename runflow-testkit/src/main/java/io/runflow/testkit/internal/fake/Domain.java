package io.runflow.testkit.internal.fake;

import io.runflow.testkit.FakeModel;
import io.runflow.testkit.internal.http.ErrorResponseException;
import io.runflow.testkit.internal.http.Idempotency;
import io.runflow.testkit.internal.http.Request;
import io.runflow.testkit.internal.http.Router;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * The Runflow domain of one fake, wired: runs, lifecycle, models, callback secrets, callbacks,
 * outcomes, batches, assets, the account, webhooks, and the route table that serves them. {@link
 * FakeBackend} makes it on first use (the first API request other than the health check, or the
 * first scripting or inspection call), so that a server that only starts, or only answers health
 * checks, loads none of it (nor Jackson, which it writes its answers with). Not public API.
 */
final class Domain {

    static final String ORG_ID = "00000000-0000-4000-8000-00000000000a";

    final ServerClock clock;
    final Scheduler scheduler;
    final Ids ids;
    final RunStore store = new RunStore();
    final Idempotency idempotency = new Idempotency();
    final Outcomes outcomes = new Outcomes();
    final JpegRenderer images = new JpegRenderer();
    final CallbackSender sender;
    final CallbackSecretsApi secrets;
    final CallbackLedger ledger;
    final LoopbackGuard guard;
    final WebhooksApi webhooks;
    final RunLifecycle lifecycle;
    final BatchesApi batches;
    final AssetsApi assets;
    final AccountApi account;
    final VirtualScheduler clientScheduler;
    final Router routes;
    private final byte[] bearer;

    /**
     * Wires the domain.
     *
     * @param config the checked settings
     * @param clock the server clock
     * @param startedAt when the server started, the catalog's creation time
     * @param baseUrl the server's base URL
     * @param startingBalance the balance the organization starts with, or null for the default
     */
    Domain(FakeConfig config, ServerClock clock, Instant startedAt, String baseUrl, BigDecimal startingBalance) {
        this.clock = clock;
        this.bearer = ("Bearer " + config.apiKey()).getBytes(StandardCharsets.UTF_8);
        // An attempt ends within its timeout plus a second (CallbackSender bounds it); advance waits no longer.
        this.scheduler = new Scheduler(
                clock, !config.deterministic(), config.callbackTimeout().plusSeconds(2));
        this.ids = new Ids(config.deterministic(), clock);
        ModelsApi models = new ModelsApi(config.models(), ORG_ID, startedAt);
        this.secrets = new CallbackSecretsApi(ids, clock, ORG_ID, config.webhookSecret());
        this.ledger = new CallbackLedger(clock);
        this.sender = new CallbackSender(config.callbackTimeout());
        this.guard = new LoopbackGuard(config.allowNonLoopbackCallbacks(), clock);
        Callbacks callbacks = new Callbacks(clock, scheduler, ids, secrets, ledger, sender, guard);
        this.webhooks = new WebhooksApi(ids, clock, ORG_ID, scheduler, sender, guard);
        Supplier<String> url = () -> baseUrl;
        this.lifecycle = new RunLifecycle(
                store,
                scheduler,
                clock,
                new RunLifecycle.Phases(config.queued(), config.dispatching(), config.running()),
                url,
                run -> {
                    callbacks.runFinished(store, run);
                    runTerminal(run);
                },
                images);
        RunJson runJson = new RunJson(ORG_ID);
        RunsApi runs = new RunsApi(store, models, lifecycle, callbacks, ledger, outcomes, ids, clock, runJson);
        this.batches = new BatchesApi(store, models, lifecycle, callbacks, ledger, outcomes, ids, clock, runJson);
        this.assets = new AssetsApi(ids, clock, ORG_ID, url);
        this.account = new AccountApi(clock, ORG_ID);
        if (startingBalance != null) {
            account.setStartingBalance(startingBalance);
        }
        this.clientScheduler = new VirtualScheduler(clock::instant, scheduler::advance);
        this.routes = routes(models, runs, new Files(store, images));
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
     * The route table: every endpoint of the contract the fake implements but the health check, which
     * {@link FakeBackend} answers itself.
     */
    private Router routes(ModelsApi models, RunsApi runs, Files files) {
        CallbackSecretsApi s = secrets;
        NodeRuns nodeRuns = new NodeRuns(store);
        return new Router(this::authorize)
                .use(idempotency)
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

    /** Bearer auth, compared in constant time. */
    private void authorize(Request request) {
        String header = request.header("Authorization");
        byte[] given = header == null ? new byte[0] : header.getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(bearer, given)) {
            throw new ErrorResponseException(401, "UNAUTHORIZED", "missing or invalid API key", null);
        }
    }

    /** Forgets everything a test left, and puts the clock back. */
    void reset(Runnable alsoClear) {
        clientScheduler.clear();
        scheduler.clear(() -> {
            store.clear();
            batches.clear();
            assets.clear();
            account.reset();
            alsoClear.run();
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

    /** Stops every timed task. */
    void close() {
        clientScheduler.shutdownNow();
        scheduler.close();
        sender.close();
    }
}
