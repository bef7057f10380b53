package io.runflow.testkit.internal.fake;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.runflow.testkit.internal.http.ErrorResponseException;
import io.runflow.testkit.internal.http.Json;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Sends callbacks: creates a delivery in the {@link CallbackLedger}, signed with the current secret
 * when one exists, and runs its attempts on the server clock through the {@link LoopbackGuard} and the
 * {@link CallbackSender}.
 *
 * <p>Attempts are asynchronous: the scheduler task only starts the request, and the answer (or the
 * failure, at the latest after the attempt timeout plus a second) records the attempt and schedules
 * the retry. So a receiver that never answers delays only its own delivery, never another run.
 */
final class Callbacks {

    private final ServerClock clock;
    private final Scheduler scheduler;
    private final Ids ids;
    private final CallbackSecretsApi secrets;
    private final CallbackLedger ledger;
    private final CallbackSender sender;
    private final LoopbackGuard guard;
    private final Object batchRedeliveries = new Object();
    /** On the server clock: until then every attempt fails as a refused connection, nothing is sent. */
    private volatile Instant unreachableUntil = Instant.MIN;

    Callbacks(
            ServerClock clock,
            Scheduler scheduler,
            Ids ids,
            CallbackSecretsApi secrets,
            CallbackLedger ledger,
            CallbackSender sender,
            LoopbackGuard guard) {
        this.clock = clock;
        this.scheduler = scheduler;
        this.ids = ids;
        this.secrets = secrets;
        this.ledger = ledger;
        this.sender = sender;
        this.guard = guard;
    }

    /** Queues the automatic callback of a run that just became terminal, if it has a callback_url. */
    void runFinished(RunStore store, RunState run) {
        byte[] payload;
        synchronized (store) {
            if (run.callbackUrl == null) {
                return;
            }
            payload = Json.write(RunJson.callbackPayload(run));
        }
        CallbackLedger.Delivery d = create(run.id, false, run.callbackUrl, payload, true);
        scheduler.start(Duration.ZERO, () -> attempt(d));
    }

    /** Queues the one automatic callback of a batch whose items are all terminal. */
    void batchFinished(String batchId, String url, byte[] payload) {
        CallbackLedger.Delivery d = create(batchId, true, url, payload, true);
        scheduler.start(Duration.ZERO, () -> attempt(d));
    }

    /**
     * Creates a manual delivery and waits for its first attempt (bounded by the attempt timeout), so
     * that the answer shows its outcome; retries follow on the server clock.
     */
    ObjectNode redeliver(String runId, String url, byte[] payload) {
        return redeliver(runId, false, url, payload);
    }

    /**
     * A manual delivery of a batch's callback, refused with 422 {@code validation_error} ({@code
     * error_type} {@code conflict}) while an earlier one is still being attempted.
     */
    ObjectNode redeliverBatch(String batchId, String url, byte[] payload) {
        CallbackLedger.Delivery d;
        synchronized (batchRedeliveries) {
            if (ledger.redeliveryInFlight(batchId)) {
                throw new ErrorResponseException(
                        422,
                        "validation_error",
                        "a redelivery of this batch's callback is already in flight",
                        List.of(new ErrorResponseException.FieldError(
                                "batch_id", "a redelivery is already in flight", "conflict")));
            }
            d = create(batchId, true, url, payload, false);
        }
        return show(d);
    }

    /** A manual delivery of a run's or, with {@code batch}, a batch's callback. */
    ObjectNode redeliver(String id, boolean batch, String url, byte[] payload) {
        return show(create(id, batch, url, payload, false));
    }

    private ObjectNode show(CallbackLedger.Delivery d) {
        try {
            attempt(d).join();
        } catch (CompletionException | CancellationException e) {
            // The attempt recorded its own outcome; the answer shows whatever was recorded.
        }
        return ledger.json(d);
    }

    private CallbackLedger.Delivery create(String runId, boolean batch, String url, byte[] payload, boolean automatic) {
        CallbackLedger.Delivery d = new CallbackLedger.Delivery(
                ids.next(),
                runId,
                batch,
                url,
                payload,
                secrets.current(),
                "req_" + ids.next(),
                automatic,
                clock.instant());
        ledger.add(d);
        return d;
    }

    /** Starts one attempt; the future completes once it is recorded (and its retry scheduled). */
    private CompletableFuture<Void> attempt(CallbackLedger.Delivery d) {
        CallbackLedger.Attempt a = ledger.begin(d);
        URI uri = URI.create(d.url);
        String refusal = guard.refusal(uri);
        if (refusal == null && a.at().isBefore(unreachableUntil)) {
            refusal = "connection refused: the receiving end is unreachable until " + unreachableUntil;
        }
        if (refusal != null) {
            ledger.record(a, CallbackSender.Result.failed(refusal), backoff -> retry(d, backoff));
            return CompletableFuture.completedFuture(null);
        }
        return sender.send(uri, d.payload, d.requestId, d.signature)
                .thenAccept(result -> ledger.record(a, result, backoff -> retry(d, backoff)));
    }

    /** Makes every receiving end unreachable from now, on the server clock, for {@code duration}. */
    void unreachableFor(Duration duration) {
        unreachableUntil = clock.instant().plus(duration);
    }

    void reachable() {
        unreachableUntil = Instant.MIN;
    }

    private void retry(CallbackLedger.Delivery d, Duration backoff) {
        scheduler.start(backoff, () -> attempt(d));
    }
}
