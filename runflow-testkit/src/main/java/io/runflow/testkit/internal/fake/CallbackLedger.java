package io.runflow.testkit.internal.fake;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.runflow.testkit.RecordedCallback;
import io.runflow.testkit.RecordedCallbackAttempt;
import io.runflow.testkit.internal.http.Json;
import io.runflow.webhook.WebhookSigner;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * What the fake sent as callbacks: every delivery (payload frozen at creation, its signature), its
 * attempts, and its state as the seed page documents it: 3 attempts, 1 s then 2 s apart, retried on
 * 5xx and network errors only. The history endpoint and the public snapshots read it; its monitor
 * guards every delivery.
 */
final class CallbackLedger {

    static final int MAX_ATTEMPTS = 3;
    private static final Duration[] BACKOFF = {Duration.ofSeconds(1), Duration.ofSeconds(2)};

    /** One delivery's state; the mutable fields are guarded by the ledger's monitor. */
    static final class Delivery {
        final String id;
        /** The run's id, or the batch's for a batch callback. */
        final String runId;

        final boolean batch;
        final String url;
        final byte[] payload;
        final CallbackSecretsApi.Signing signing;
        final String signature;
        final String requestId;
        final boolean automatic;
        final Instant createdAt;
        final List<RecordedCallbackAttempt> attempts = new ArrayList<>();
        String status = "pending";
        String failureReason;
        String failureDetail;
        Instant nextAttemptAt;
        Instant updatedAt;
        Instant completedAt;

        Delivery(
                String id,
                String runId,
                boolean batch,
                String url,
                byte[] payload,
                CallbackSecretsApi.Signing signing,
                String requestId,
                boolean automatic,
                Instant createdAt) {
            this.id = id;
            this.runId = runId;
            this.batch = batch;
            this.url = url;
            this.payload = payload;
            this.signing = signing;
            this.signature =
                    signing == null ? null : WebhookSigner.of(signing.secret()).sign(payload);
            this.requestId = requestId;
            this.automatic = automatic;
            this.createdAt = createdAt;
            this.updatedAt = createdAt;
            this.nextAttemptAt = createdAt;
        }
    }

    /** One attempt under way: where it started, so that its outcome lands in the right place. */
    record Attempt(Delivery delivery, int number, long generation, Instant at, long startedNanos) {}

    private final ServerClock clock;
    private final List<Delivery> deliveries = new ArrayList<>();
    /** Bumped by {@link #clear()}: an attempt that ends after a reset records nothing. */
    private long generation;

    CallbackLedger(ServerClock clock) {
        this.clock = clock;
    }

    synchronized void add(Delivery d) {
        deliveries.add(d);
    }

    /** Numbers the delivery's next attempt and notes when it starts. */
    synchronized Attempt begin(Delivery d) {
        return new Attempt(d, d.attempts.size() + 1, generation, clock.instant(), System.nanoTime());
    }

    /**
     * Records an attempt's result and moves its delivery on: succeeded, failed, or a retry that
     * {@code retry} schedules after the backoff. The retry is scheduled under this ledger's lock, so
     * a reset either sees it or stops it here.
     */
    void record(Attempt a, CallbackSender.Result result, Consumer<Duration> retry) {
        Duration took = Duration.ofNanos(System.nanoTime() - a.startedNanos());
        int status = result.status();
        RecordedCallbackAttempt attempt =
                new RecordedCallbackAttempt(a.number(), status, result.body(), result.error(), a.at(), took);
        synchronized (this) {
            if (a.generation() != generation) {
                return;
            }
            Delivery d = a.delivery();
            d.attempts.add(attempt);
            d.updatedAt = clock.instant();
            d.nextAttemptAt = null;
            boolean retryable = status == 0 || status >= 500;
            if (attempt.succeeded()) {
                d.status = "succeeded";
                d.completedAt = d.updatedAt;
            } else if (retryable && a.number() < MAX_ATTEMPTS) {
                Duration backoff = BACKOFF[a.number() - 1];
                d.nextAttemptAt = d.updatedAt.plus(backoff);
                retry.accept(backoff);
            } else {
                d.status = "failed";
                d.completedAt = d.updatedAt;
                d.failureReason = retryable ? "max_attempts_exceeded" : "non_retryable_status";
                d.failureDetail = result.error() != null ? result.error() : "HTTP " + status;
            }
        }
    }

    /** The deliveries of one run, or of every run when {@code runId} is null, oldest first. */
    synchronized List<RecordedCallback> snapshots(String runId) {
        List<RecordedCallback> list = new ArrayList<>();
        for (Delivery d : deliveries) {
            if (runId == null || d.runId.equals(runId)) {
                list.add(RecordedCallback.builder()
                        .id(d.id)
                        .runId(d.runId)
                        .callbackUrl(d.url)
                        .payload(d.payload)
                        .signature(d.signature)
                        .signingSecretId(d.signing == null ? null : d.signing.id())
                        .requestId(d.requestId)
                        .automatic(d.automatic)
                        .status(d.status)
                        .attempts(d.attempts)
                        .createdAt(d.createdAt)
                        .build());
            }
        }
        return list;
    }

    /** The history endpoint's answer: a plain JSON array, oldest delivery first. */
    synchronized ArrayNode history(String runId) {
        return history(runId, false);
    }

    /** The run's or the batch's history endpoint's answer, oldest delivery first. */
    synchronized ArrayNode history(String id, boolean batch) {
        ArrayNode array = Json.array();
        deliveries.stream()
                .filter(d -> d.batch == batch && d.runId.equals(id))
                .forEach(d -> array.add(CallbackJson.delivery(d)));
        return array;
    }

    /** Whether a manual redelivery of this batch's callback is still being attempted. */
    synchronized boolean redeliveryInFlight(String batchId) {
        return deliveries.stream()
                .anyMatch(d -> d.batch && !d.automatic && d.runId.equals(batchId) && "pending".equals(d.status));
    }

    /** One delivery as the API shows it, read under the lock. */
    synchronized ObjectNode json(Delivery d) {
        return CallbackJson.delivery(d);
    }

    synchronized void clear() {
        generation++;
        deliveries.clear();
    }
}
