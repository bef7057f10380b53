package io.runflow;

import io.runflow.errors.NotFoundException;
import io.runflow.errors.RunCanceledException;
import io.runflow.errors.RunFailedException;
import io.runflow.errors.RunTimeoutException;
import io.runflow.internal.Endpoint;
import io.runflow.model.CallbackDelivery;
import io.runflow.model.ListQuery;
import io.runflow.model.ModelInput;
import io.runflow.model.NodeRun;
import io.runflow.model.Run;
import io.runflow.model.RunLog;
import io.runflow.model.RunRequest;
import io.runflow.model.RunStatusDefinition;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs: create, read, list, wait, and their callbacks. Obtained from {@link RunflowClient#runs()}.
 *
 * <pre>{@code
 * Run run = runflow.runs().run(FluxProUltra.input("a serene japanese garden").seed(42));
 * }</pre>
 *
 * <p>Waits ({@code await}, {@code run} and their async forms) poll {@code GET /v1/runs/{id}} by the
 * client's {@link PollPolicy}, or end at once when the application passes the run's verified
 * callback to {@link RunflowClient#callbacks()}. Between polls no thread is held.
 */
public final class Runs {

    /**
     * The run id that spans every run where a path nests under one: {@code
     * runs().nodeRuns(Runs.ANY)} lists the node runs of all the organization's runs.
     */
    public static final String ANY = "any";

    private final RunflowApi api;
    /** {@code api::getRun} made once: a method reference made per wait is 16 bytes more per pending wait. */
    private final Function<String, Run> getRun;

    private final RunflowOptions options;
    private final ScheduledExecutorService scheduler;
    private final Executor executor;
    private final PendingWaits pending;
    private final RunTracker tracker;
    private volatile RunLedger ledger;

    Runs(
            RunflowApi api,
            RunflowOptions options,
            ScheduledExecutorService scheduler,
            Executor executor,
            PendingWaits pending,
            RunTracker tracker) {
        this.api = api;
        this.getRun = api::getRun;
        this.options = options;
        this.scheduler = scheduler;
        this.executor = executor;
        this.pending = pending;
        this.tracker = tracker;
    }

    /**
     * Returns this service's requests with the HTTP status and headers of each answer.
     *
     * <pre>{@code
     * RawResponse<Run> created = runflow.runs().withRawResponse().create(request);
     * }</pre>
     *
     * @return the raw view
     */
    public RawRuns withRawResponse() {
        return new RawRuns(this, api);
    }

    /**
     * Creates a run ({@code POST /v1/models/{model}/runs}) and returns it at once, usually {@code
     * queued}. Without an idempotency key on the request, one is generated for this call and sent on
     * each of its attempts, so retries never create a second run.
     *
     * <p>With an observer that traces (see {@link RunflowObserver#startRun}), the current trace
     * context is added to the run's metadata under {@link RunflowClient#TRACE_CONTEXT_METADATA_KEY},
     * unless {@link RunflowClient.Builder#traceContextInMetadata(boolean)} turned that off.
     *
     * @param request the request
     * @return the new run
     * @throws IllegalArgumentException if the request's metadata uses {@link
     *     RunflowClient#TRACE_CONTEXT_METADATA_KEY} while the client stores trace context there
     */
    public Run create(RunRequest request) {
        Objects.requireNonNull(request, "request");
        String key = Endpoint.CREATE_RUN.idempotencyKey(request.idempotencyKey());
        Run run = tracker.create(api, key.equals(request.idempotencyKey()) ? request : request.withIdempotencyKey(key));
        Ledgers.record(ledger, run);
        return run;
    }

    /** Set once by the client's builder: where runs created with a callback URL are recorded. */
    void ledger(RunLedger ledger) {
        this.ledger = ledger;
    }

    /**
     * Creates a run from a typed model input.
     *
     * @param input for example {@code FluxProUltra.input("a fox")}
     * @return the new run
     */
    public Run create(ModelInput input) {
        return create(Objects.requireNonNull(input, "input").toRequest());
    }

    /**
     * Creates a run on the client's executor.
     *
     * @param request the request
     * @return the new run, or the failure
     */
    public CompletableFuture<Run> createAsync(RunRequest request) {
        Objects.requireNonNull(request, "request");
        return supplyAsync(() -> create(request));
    }

    /**
     * Reads a run ({@code GET /v1/runs/{id}}).
     *
     * @param runId the run id
     * @return the run
     * @throws NotFoundException if there is no such run in the organization
     */
    public Run get(String runId) {
        return api.getRun(requireId(runId));
    }

    /**
     * Reads a run on the client's executor.
     *
     * @param runId the run id
     * @return the run, or the failure
     */
    public CompletableFuture<Run> getAsync(String runId) {
        requireId(runId);
        return supplyAsync(() -> get(runId));
    }

    /**
     * Lists runs ({@code GET /v1/runs}), newest first by default, following the cursors lazily.
     *
     * @param query filters, sort and page size; {@link ListQuery#all()} for everything
     * @return the runs across all pages
     */
    public AutoPager<Run> list(ListQuery query) {
        return new AutoPager<>(Objects.requireNonNull(query, "query"), api::listRuns);
    }

    /**
     * Lists a run's log entries ({@code GET /v1/runs/{id}/logs}), following the cursors lazily; the
     * place to look when a run failed.
     *
     * @param runId the run id
     * @param query filters, sort and page size
     * @return the entries across all pages
     */
    public AutoPager<RunLog> logs(String runId, ListQuery query) {
        requireId(runId);
        Objects.requireNonNull(query, "query");
        return new AutoPager<>(query, q -> api.listRunLogs(runId, q));
    }

    /**
     * Lists all of a run's log entries, in the server's order.
     *
     * @param runId the run id
     * @return the entries across all pages
     */
    public AutoPager<RunLog> logs(String runId) {
        return logs(runId, ListQuery.all());
    }

    /**
     * Lists a run's node runs ({@code GET /v1/runs/{id}/node-runs}), one per flow node executed,
     * following the cursors lazily. {@link Run#hasNodeRuns()} says whether there are any.
     *
     * <pre>{@code
     * runflow.runs().nodeRuns(run.id(), ListQuery.all()).forEach(n -> System.out.println(n.state()));
     * }</pre>
     *
     * @param runId the run id, or {@link #ANY} for the node runs of every run
     * @param query filters, sort and page size
     * @return the node runs across all pages
     */
    public AutoPager<NodeRun> nodeRuns(String runId, ListQuery query) {
        requireId(runId);
        Objects.requireNonNull(query, "query");
        return new AutoPager<>(query, q -> api.listNodeRuns(runId, q));
    }

    /**
     * Lists all of a run's node runs, in the server's order.
     *
     * @param runId the run id, or {@link #ANY} for the node runs of every run
     * @return the node runs across all pages
     */
    public AutoPager<NodeRun> nodeRuns(String runId) {
        return nodeRuns(runId, ListQuery.all());
    }

    /**
     * Reads one node run ({@code GET /v1/runs/{run_id}/node-runs/{id}}).
     *
     * @param runId the run id, or {@link #ANY}
     * @param nodeRunId the node run id
     * @return the node run
     * @throws NotFoundException if there is no such node run
     */
    public NodeRun nodeRun(String runId, String nodeRunId) {
        return api.getNodeRun(requireId(runId), Calls.requireId(nodeRunId, "nodeRunId", "a node run id"));
    }

    /**
     * Lists the run statuses the server knows ({@code GET /v1/runs/statuses}); a status this SDK does
     * not know shows as {@link io.runflow.model.RunStatus#UNKNOWN} with its code.
     *
     * @return the statuses
     */
    public List<RunStatusDefinition> statuses() {
        return api.listRunStatuses();
    }

    /**
     * Waits for a run to finish, with the client's poll policy and timeout.
     *
     * @param runId the run id
     * @return the run, succeeded or partially succeeded
     * @throws RunFailedException if it failed
     * @throws RunCanceledException if it was canceled
     * @throws RunTimeoutException if the timeout passed first (the run goes on)
     */
    public Run await(String runId) {
        return Calls.join(awaitAsync(runId));
    }

    /**
     * Waits for a run to finish, with another timeout.
     *
     * @param runId the run id
     * @param timeout how long to wait
     * @return the finished run
     */
    public Run await(String runId, Duration timeout) {
        return Calls.join(awaitAsync(runId, timeout));
    }

    /**
     * Waits for a run to finish; returns at once if it already has.
     *
     * @param run a run, for example as {@link #create} returned it
     * @return the finished run
     */
    public Run await(Run run) {
        return Calls.join(awaitAsync(run));
    }

    /**
     * Waits for a run without holding a thread between polls.
     *
     * @param runId the run id
     * @return completes with the finished run, or with {@link RunFailedException}, {@link
     *     RunCanceledException}, {@link RunTimeoutException} or the API failure; cancel it to stop
     *     polling
     */
    public CompletableFuture<Run> awaitAsync(String runId) {
        return startWait(requireId(runId), null, options.pollPolicy());
    }

    /**
     * Waits for a run, with another timeout, without holding a thread between polls.
     *
     * @param runId the run id
     * @param timeout how long to wait; positive
     * @return the finished run, or the failure
     */
    public CompletableFuture<Run> awaitAsync(String runId, Duration timeout) {
        return startWait(requireId(runId), null, options.pollPolicy().withTimeout(timeout));
    }

    /**
     * Waits for a run, starting from a known state, without holding a thread between polls.
     *
     * @param run the known state; if terminal, the future is already complete
     * @return the finished run, or the failure
     */
    public CompletableFuture<Run> awaitAsync(Run run) {
        Objects.requireNonNull(run, "run");
        return startWait(run.id(), run, options.pollPolicy());
    }

    /**
     * Waits for a run to finish, reporting each status it sees on the way.
     *
     * @param run the known state, reported first
     * @param onStatusChange called once per new status seen, the terminal one included
     * @return the finished run
     * @see #awaitAsync(Run, Consumer)
     */
    public Run await(Run run, Consumer<Run> onStatusChange) {
        return Calls.join(awaitAsync(run, onStatusChange));
    }

    /**
     * Waits for a run, starting from a known state, and reports each status it sees on the way.
     *
     * <pre>{@code
     * runflow.runs().awaitAsync(created, run -> System.out.println(run.status()));
     * }</pre>
     *
     * @param run the known state, reported first
     * @param onStatusChange called once per new status seen (by a poll or a callback), the terminal
     *     one included, before the future completes; on a scheduler or executor thread, so keep it
     *     short. If it throws, the wait fails with that exception.
     * @return the finished run, or the failure
     */
    public CompletableFuture<Run> awaitAsync(Run run, Consumer<Run> onStatusChange) {
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(onStatusChange, "onStatusChange");
        return startWait(run.id(), run, options.pollPolicy(), onStatusChange);
    }

    /**
     * Creates a run and waits for it to finish.
     *
     * @param request the request
     * @return the finished run
     */
    public Run run(RunRequest request) {
        return await(create(request));
    }

    /**
     * Creates a run from a typed input and waits for it to finish.
     *
     * @param input for example {@code FluxProUltra.input("a fox").seed(42)}
     * @return the finished run
     */
    public Run run(ModelInput input) {
        return run(Objects.requireNonNull(input, "input").toRequest());
    }

    /**
     * Creates a run and waits for it, without holding a thread between polls.
     *
     * @param request the request
     * @return the finished run, or the failure; cancelling it stops the wait
     */
    public CompletableFuture<Run> runAsync(RunRequest request) {
        CompletableFuture<Run> outcome = new CompletableFuture<>();
        createAsync(request).whenComplete((created, createFailure) -> {
            if (createFailure != null) {
                outcome.completeExceptionally(Calls.unwrap(createFailure));
                return;
            }
            CompletableFuture<Run> wait = awaitAsync(created);
            outcome.whenComplete((run, failure) -> {
                if (outcome.isCancelled()) {
                    wait.cancel(false);
                }
            });
            wait.whenComplete((run, failure) -> {
                if (failure == null) {
                    outcome.complete(run);
                } else {
                    outcome.completeExceptionally(Calls.unwrap(failure));
                }
            });
        });
        return outcome;
    }

    /**
     * Creates a run from a typed input and waits for it, without holding a thread between polls.
     *
     * @param input the typed input
     * @return the finished run, or the failure
     */
    public CompletableFuture<Run> runAsync(ModelInput input) {
        return runAsync(Objects.requireNonNull(input, "input").toRequest());
    }

    /**
     * Lists the deliveries of a run's callback, with their attempts ({@code GET
     * /v1/runs/{id}/callback}).
     *
     * @param runId the run id
     * @return the deliveries, oldest first
     */
    public List<CallbackDelivery> callbackDeliveries(String runId) {
        return api.listCallbackDeliveries(requireId(runId));
    }

    /**
     * Sends the run's callback again, built fresh from the run's current state ({@code POST
     * /v1/runs/{id}/callback-redeliveries}). Also the documented way to send a test callback.
     *
     * @param runId the run id of a finished run with a callback URL
     * @return the new delivery
     */
    public CallbackDelivery redeliverCallback(String runId) {
        return api.redeliverCallback(requireId(runId), Endpoint.REDELIVER_CALLBACK.newIdempotencyKey());
    }

    /**
     * Cancels a run ({@code POST /v1/admin/runs/{id}/cancellation}; admin keys only). Does not stop
     * inference already in flight, and does not refund. Idempotent: an already finished run is
     * returned unchanged.
     *
     * @param runId the run id
     * @param reason the audit reason, 3 to 500 characters
     * @return the run
     */
    public Run cancel(String runId, String reason) {
        requireId(runId);
        Objects.requireNonNull(reason, "reason");
        String text = reason.strip();
        if (text.length() < 3 || text.length() > 500) {
            throw new IllegalArgumentException("reason must be 3 to 500 characters, got " + text.length());
        }
        return api.cancelRun(runId, text, Endpoint.CANCEL_RUN.newIdempotencyKey());
    }

    /**
     * Cancels a run without an audit reason.
     *
     * @param runId the run id
     * @return the run
     */
    public Run cancel(String runId) {
        return api.cancelRun(requireId(runId), null, Endpoint.CANCEL_RUN.newIdempotencyKey());
    }

    private CompletableFuture<Run> startWait(String runId, Run known, PollPolicy policy) {
        return startWait(runId, known, policy, run -> {});
    }

    private CompletableFuture<Run> startWait(String runId, Run known, PollPolicy policy, Consumer<Run> onStatusChange) {
        RunTracker.Tracked tracked = tracker.tracked(runId);
        RunWaiter waiter = new RunWaiter(
                runId,
                tracked == null ? getRun : id -> polled(tracked, id),
                policy,
                options.clock(),
                scheduler,
                executor,
                tracked == null
                        ? onStatusChange
                        : run -> {
                            tracked.status(run);
                            onStatusChange.accept(run);
                        },
                options.observer(),
                tracked);
        pending.add(waiter);
        waiter.start(known);
        return waiter.future();
    }

    /** A poll for a followed run, made inside the run's context: its request belongs to the run's trace. */
    private Run polled(RunTracker.Tracked tracked, String runId) {
        RunflowObserver.Scope scope = tracked.makeCurrent();
        try {
            return api.getRun(runId);
        } finally {
            scope.close();
        }
    }

    private CompletableFuture<Run> supplyAsync(Supplier<Run> call) {
        return CompletableFuture.supplyAsync(call, executor);
    }

    private static String requireId(String runId) {
        return Calls.requireId(runId, "runId", "a run id such as the one create returned");
    }
}
