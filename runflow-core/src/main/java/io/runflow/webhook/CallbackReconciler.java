package io.runflow.webhook;

import static io.runflow.internal.DurationChecks.positive;

import io.runflow.RunflowClient;
import io.runflow.errors.NotFoundException;
import io.runflow.model.Run;
import io.runflow.model.RunFailure;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Catches up on callbacks that never arrived: Runflow gives up after three attempts within about
 * three seconds, so an application that was down (a restart, a deploy) misses them. Every {@link
 * Builder#interval(Duration) interval}, and once at {@link #start()}, the reconciler claims the runs
 * of the {@link JdbcRunLedger} that are overdue, reads each with {@code GET /v1/runs/{id}}, and hands
 * a terminal one to the endpoint's listeners through the same de-duplication ({@link
 * WebhookEndpoint#deliver(Callback)}), as a {@link RunCallback} whose {@link RunCallback#source()} is
 * {@link CallbackSource#RECONCILED}. A run still in progress is looked at again after the ledger's
 * back-off; a run the API does not know is dropped with a warning. Run it on every instance: each
 * overdue run is claimed by one.
 *
 * <pre>{@code
 * CallbackReconciler reconciler = CallbackReconciler.builder()
 *         .client(runflow).endpoint(endpoint).ledger(ledger)
 *         .build();
 * reconciler.start(); // and close() at shutdown
 * }</pre>
 */
public final class CallbackReconciler implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(CallbackReconciler.class.getName());

    /** How often overdue runs are looked for, unless set. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(1);

    private static final int BATCH = 100;

    private final RunflowClient client;
    private final WebhookEndpoint endpoint;
    private final JdbcRunLedger ledger;
    private final Duration interval;
    private final ScheduledExecutorService scheduler;
    private final boolean ownsScheduler;
    private ScheduledFuture<?> task;

    private CallbackReconciler(Builder builder) {
        this.client = builder.client;
        this.endpoint = builder.endpoint;
        this.ledger = builder.ledger;
        this.interval = builder.interval;
        this.ownsScheduler = builder.scheduler == null;
        this.scheduler = ownsScheduler
                ? Executors.newSingleThreadScheduledExecutor(runnable -> {
                    Thread thread = new Thread(runnable, "runflow-reconciler");
                    thread.setDaemon(true);
                    return thread;
                })
                : builder.scheduler;
    }

    /**
     * Starts a configuration.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Looks up every overdue run now, on the calling thread.
     *
     * @return what became of the runs claimed
     * @throws CallbackDeduplicationException if the ledger's database cannot be used
     */
    public Result reconcileNow() {
        int delivered = 0;
        int duplicates = 0;
        int pending = 0;
        int dropped = 0;
        int failed = 0;
        List<String> claimed;
        do {
            claimed = ledger.claimDue(BATCH);
            for (String runId : claimed) {
                switch (reconcile(runId)) {
                    case DELIVERED -> delivered++;
                    case DUPLICATE -> duplicates++;
                    case PENDING -> pending++;
                    case DROPPED -> dropped++;
                    default -> failed++;
                }
            }
        } while (claimed.size() == BATCH);
        return new Result(delivered, duplicates, pending, dropped, failed);
    }

    private Outcome reconcile(String runId) {
        Run run;
        try {
            run = client.runs().get(runId);
        } catch (NotFoundException e) {
            LOG.log(System.Logger.Level.WARNING, "Run " + runId + " is unknown to Runflow; dropped from the ledger");
            ledger.settle(runId);
            return Outcome.DROPPED;
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Run " + runId + " could not be read; looked at again later", e);
            return Outcome.FAILED;
        }
        if (!run.isTerminal()) {
            return Outcome.PENDING;
        }
        client.callbacks().accept(run);
        WebhookResponse response = endpoint.deliver(reconciled(run));
        if (response.status() != 200) {
            return Outcome.FAILED;
        }
        // Settled already when delivered with the ledger's deduplicator; a duplicate (the callback came
        // before the run was recorded) still has its entry.
        ledger.settle(runId);
        return response.body().contains("duplicate") ? Outcome.DUPLICATE : Outcome.DELIVERED;
    }

    /**
     * Builds the callback Runflow would have sent for a terminal run, marked {@link
     * CallbackSource#RECONCILED}; its event matches the callback's, so the two share one
     * de-duplication key.
     *
     * @param run a terminal run
     * @return the callback
     */
    public static RunCallback reconciled(Run run) {
        Objects.requireNonNull(run, "run");
        CallbackEvent event = switch (run.status()) {
            case SUCCEEDED -> CallbackEvent.COMPLETED;
            case FAILED -> CallbackEvent.FAILED;
            case CANCELED -> CallbackEvent.CANCELLED;
            case PARTIAL_SUCCEEDED -> CallbackEvent.PARTIAL_SUCCEEDED;
            default -> throw new IllegalArgumentException("run " + run.id() + " is not terminal: " + run.statusCode());
        };
        RunFailure failure = run.failure();
        RunCallback.Builder builder = RunCallback.builder()
                .event(event)
                .runId(run.id())
                .status(run.status())
                .statusCode(
                        run.statusCode() != null
                                ? run.statusCode()
                                : run.status().value())
                .output(run.output())
                .duration(run.duration())
                .createdAt(run.createdAt())
                .completedAt(run.completedAt())
                .metadata(run.metadata())
                .source(CallbackSource.RECONCILED);
        if (run.batchId() != null) {
            builder.batchId(run.batchId());
        }
        if (failure != null) {
            builder.error(new io.runflow.model.ApiError(failure.code(), failure.message(), List.of()));
        }
        return builder.build();
    }

    /**
     * Looks up overdue runs now and then every interval, on the scheduler; a failed round is logged
     * and the next one runs.
     *
     * @return this reconciler
     * @throws IllegalStateException if it was started already
     */
    public synchronized CallbackReconciler start() {
        if (task != null) {
            throw new IllegalStateException("the reconciler is started already");
        }
        task = scheduler.scheduleWithFixedDelay(this::round, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    private void round() {
        try {
            Result result = reconcileNow();
            if (result.delivered() > 0 || result.dropped() > 0) {
                LOG.log(System.Logger.Level.INFO, "Runflow reconciliation: " + result);
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Runflow reconciliation failed; tried again in " + interval, e);
        }
    }

    /** Stops the rounds; a round under way finishes. */
    @Override
    public synchronized void close() {
        if (task != null) {
            task.cancel(false);
        }
        if (ownsScheduler) {
            scheduler.shutdown();
        }
    }

    @Override
    public String toString() {
        return "CallbackReconciler[ledger=" + ledger + ", interval=" + interval + "]";
    }

    private enum Outcome {
        DELIVERED,
        DUPLICATE,
        PENDING,
        DROPPED,
        FAILED
    }

    /**
     * What one {@link #reconcileNow()} did with the runs it claimed.
     *
     * @param delivered terminal runs handed to the listeners
     * @param duplicates terminal runs whose callback had been delivered already
     * @param pending runs still in progress, looked at again later
     * @param dropped runs the API does not know, dropped from the ledger
     * @param failed runs that could not be read or whose listeners failed, looked at again later
     */
    public record Result(int delivered, int duplicates, int pending, int dropped, int failed) {}

    /** Configures a {@link CallbackReconciler}. */
    public static final class Builder {
        private RunflowClient client;
        private WebhookEndpoint endpoint;
        private JdbcRunLedger ledger;
        private Duration interval = DEFAULT_INTERVAL;
        private ScheduledExecutorService scheduler;

        private Builder() {}

        /**
         * Sets the client that reads runs (required).
         *
         * @param client the client
         * @return this builder
         */
        public Builder client(RunflowClient client) {
            this.client = Objects.requireNonNull(client, "client");
            return this;
        }

        /**
         * Sets the endpoint whose de-duplication and listeners reconciled runs go through (required).
         *
         * @param endpoint the endpoint
         * @return this builder
         */
        public Builder endpoint(WebhookEndpoint endpoint) {
            this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
            return this;
        }

        /**
         * Sets the ledger of runs waiting for their callback (required).
         *
         * @param ledger the ledger
         * @return this builder
         */
        public Builder ledger(JdbcRunLedger ledger) {
            this.ledger = Objects.requireNonNull(ledger, "ledger");
            return this;
        }

        /**
         * Sets how often overdue runs are looked for.
         *
         * @param interval positive; default 1 minute
         * @return this builder
         */
        public Builder interval(Duration interval) {
            this.interval = positive(interval, "interval");
            return this;
        }

        /**
         * Sets the scheduler of the rounds; the reconciler does not shut a given one down.
         *
         * @param scheduler the scheduler; default a daemon thread of its own
         * @return this builder
         */
        public Builder scheduler(ScheduledExecutorService scheduler) {
            this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
            return this;
        }

        /**
         * Builds the reconciler; it does nothing until {@link CallbackReconciler#start()}.
         *
         * @return the reconciler
         * @throws IllegalStateException if the client, the endpoint or the ledger is missing
         */
        public CallbackReconciler build() {
            if (client == null || endpoint == null || ledger == null) {
                throw new IllegalStateException("client, endpoint and ledger are required");
            }
            return new CallbackReconciler(this);
        }
    }
}
