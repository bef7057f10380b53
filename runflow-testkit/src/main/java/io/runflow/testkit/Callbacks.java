package io.runflow.testkit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.runflow.webhook.WebhookSigner;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Sends callbacks as the seed page documents: the frozen payload, signed with the current secret
 * when one exists, 3 attempts with 1 s then 2 s between them, retried on 5xx and network errors only,
 * due on the server clock. Records every delivery and attempt for the history endpoint.
 *
 * <p>Attempts are asynchronous: the scheduler task only starts the request, and the answer (or the
 * failure, at the latest after the attempt timeout plus a second) records the attempt and schedules
 * the retry. So a receiver that never answers delays only its own delivery, never another run.
 */
final class Callbacks {

    static final int MAX_ATTEMPTS = 3;
    private static final Duration[] BACKOFF = {Duration.ofSeconds(1), Duration.ofSeconds(2)};
    private static final int MAX_RESPONSE_CHARS = 1000;

    private static final class Delivery {
        final String id;
        final String runId;
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
                String url,
                byte[] payload,
                CallbackSecretsApi.Signing signing,
                String requestId,
                boolean automatic,
                Instant createdAt) {
            this.id = id;
            this.runId = runId;
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

    private final ServerClock clock;
    private final Scheduler scheduler;
    private final Ids ids;
    private final CallbackSecretsApi secrets;
    private final Duration attemptTimeout;
    private final boolean allowRemote;
    private final List<Delivery> deliveries = new ArrayList<>();
    /** Bumped by {@link #clear()}: an attempt that ends after a reset records nothing. */
    private long generation;

    private volatile HttpClient http;

    Callbacks(
            ServerClock clock,
            Scheduler scheduler,
            Ids ids,
            CallbackSecretsApi secrets,
            Duration attemptTimeout,
            boolean allowRemote) {
        this.clock = clock;
        this.scheduler = scheduler;
        this.ids = ids;
        this.secrets = secrets;
        this.attemptTimeout = attemptTimeout;
        this.allowRemote = allowRemote;
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
        enqueue(run.id, run.callbackUrl, payload);
    }

    /** Creates a delivery of the given payload; its first attempt is due now on the server clock. */
    String enqueue(String runId, String url, byte[] payload) {
        Delivery d = create(runId, url, payload, true);
        scheduler.start(Duration.ZERO, () -> attempt(d));
        return d.id;
    }

    /**
     * Creates a manual delivery and waits for its first attempt (bounded by the attempt timeout), so
     * that the answer shows its outcome; retries follow on the server clock.
     */
    ObjectNode redeliver(String runId, String url, byte[] payload) {
        Delivery d = create(runId, url, payload, false);
        try {
            attempt(d).join();
        } catch (CompletionException | CancellationException e) {
            // The attempt recorded its own outcome; the answer shows whatever was recorded.
        }
        synchronized (this) {
            return json(d);
        }
    }

    private Delivery create(String runId, String url, byte[] payload, boolean automatic) {
        Delivery d = new Delivery(
                ids.next(), runId, url, payload, secrets.current(), "req_" + ids.next(), automatic, clock.instant());
        synchronized (this) {
            deliveries.add(d);
        }
        return d;
    }

    /** Starts one attempt; the future completes once it is recorded (and its retry scheduled). */
    private CompletableFuture<Void> attempt(Delivery d) {
        int number;
        long started;
        synchronized (this) {
            number = d.attempts.size() + 1;
            started = generation;
        }
        Attempt a = new Attempt(d, number, started, clock.instant(), System.nanoTime());
        URI uri = URI.create(d.url);
        if (!allowRemote && !isLoopback(uri.getHost())) {
            a.record(
                    0,
                    "",
                    "not sent: " + uri.getHost()
                            + " is not a loopback host (enable allowNonLoopbackCallbacks to send it)");
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<HttpResponse<String>> sent;
        try {
            sent = client().sendAsync(request(d, uri), HttpResponse.BodyHandlers.ofString());
        } catch (IllegalArgumentException e) {
            a.record(0, "", describe(e));
            return CompletableFuture.completedFuture(null);
        }
        // The request timeout covers the answer's headers; this also bounds a body that never ends.
        return sent.copy()
                .orTimeout(attemptTimeout.plusSeconds(1).toMillis(), TimeUnit.MILLISECONDS)
                .handle((response, failure) -> {
                    if (failure != null) {
                        sent.cancel(true);
                        a.record(0, "", describe(unwrap(failure)));
                    } else {
                        a.record(response.statusCode(), truncate(response.body()), null);
                    }
                    return null;
                });
    }

    /** One attempt under way: where it started, so that its outcome lands in the right place. */
    private final class Attempt {
        final Delivery d;
        final int number;
        final long generation;
        final Instant at;
        final long startedNanos;

        Attempt(Delivery d, int number, long generation, Instant at, long startedNanos) {
            this.d = d;
            this.number = number;
            this.generation = generation;
            this.at = at;
            this.startedNanos = startedNanos;
        }

        void record(int status, String body, String error) {
            Duration took = Duration.ofNanos(System.nanoTime() - startedNanos);
            RecordedCallbackAttempt attempt = new RecordedCallbackAttempt(number, status, body, error, at, took);
            synchronized (Callbacks.this) {
                if (generation != Callbacks.this.generation) {
                    return;
                }
                d.attempts.add(attempt);
                d.updatedAt = clock.instant();
                d.nextAttemptAt = null;
                if (attempt.succeeded()) {
                    d.status = "succeeded";
                    d.completedAt = d.updatedAt;
                } else if ((status == 0 || status >= 500) && number < MAX_ATTEMPTS) {
                    Duration backoff = BACKOFF[number - 1];
                    d.nextAttemptAt = d.updatedAt.plus(backoff);
                    // Scheduled under the lock, so a reset either sees this retry or stops it above.
                    scheduler.start(backoff, () -> attempt(d));
                } else {
                    d.status = "failed";
                    d.completedAt = d.updatedAt;
                    d.failureReason = status == 0 || status >= 500 ? "max_attempts_exceeded" : "non_retryable_status";
                    d.failureDetail = error != null ? error : "HTTP " + status;
                }
            }
        }
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static String describe(Throwable e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    private HttpRequest request(Delivery d, URI uri) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri)
                .timeout(attemptTimeout)
                .header("Content-Type", "application/json")
                .header("Runflow-Request-Id", d.requestId)
                .header("User-Agent", "runflow-testkit")
                .POST(HttpRequest.BodyPublishers.ofByteArray(d.payload));
        if (d.signature != null) {
            b.header("Runflow-Signature", d.signature);
        }
        return b.build();
    }

    private HttpClient client() {
        HttpClient c = http;
        if (c == null) {
            synchronized (this) {
                c = http;
                if (c == null) {
                    c = HttpClient.newBuilder()
                            .version(HttpClient.Version.HTTP_1_1)
                            .connectTimeout(attemptTimeout)
                            .followRedirects(HttpClient.Redirect.NEVER)
                            .build();
                    http = c;
                }
            }
        }
        return c;
    }

    /**
     * Tells whether a URI host is loopback by its text alone, never through DNS: {@code localhost}, a
     * dotted-quad IPv4 literal in 127.0.0.0/8, or the IPv6 literal {@code [::1]}. A name such as
     * {@code 127.attacker.example} is not.
     */
    static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.equals("[::1]") || h.equals("[0:0:0:0:0:0:0:1]") || isLoopbackIpv4(h);
    }

    private static boolean isLoopbackIpv4(String host) {
        String[] octets = host.split("\\.", -1);
        if (octets.length != 4 || !octets[0].equals("127")) {
            return false;
        }
        for (String octet : octets) {
            if (octet.isEmpty() || octet.length() > 3 || !octet.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return false;
            }
            if (Integer.parseInt(octet) > 255) {
                return false;
            }
        }
        return true;
    }

    private static String truncate(String s) {
        return s.length() <= MAX_RESPONSE_CHARS ? s : s.substring(0, MAX_RESPONSE_CHARS);
    }

    synchronized List<RecordedCallback> snapshots(String runId) {
        List<RecordedCallback> list = new ArrayList<>();
        for (Delivery d : deliveries) {
            if (runId == null || d.runId.equals(runId)) {
                list.add(new RecordedCallback(
                        d.id,
                        d.runId,
                        d.url,
                        d.payload,
                        d.signature,
                        d.signing == null ? null : d.signing.id(),
                        d.requestId,
                        d.automatic,
                        d.status,
                        d.attempts,
                        d.createdAt));
            }
        }
        return list;
    }

    /** The history endpoint's answer: a plain JSON array, oldest delivery first. */
    synchronized ArrayNode history(String runId) {
        ArrayNode array = Json.array();
        deliveries.stream().filter(d -> d.runId.equals(runId)).forEach(d -> array.add(json(d)));
        return array;
    }

    synchronized void clear() {
        generation++;
        deliveries.clear();
    }

    private ObjectNode json(Delivery d) {
        ObjectNode n = Json.object();
        n.put("id", d.id);
        n.put("run_id", d.runId);
        n.put("callback_url", d.url);
        n.put("payload_bytes", new String(d.payload, StandardCharsets.UTF_8));
        n.set("payload", Json.parse(d.payload));
        Json.putNullable(n, "signing_secret_id", d.signing == null ? null : d.signing.id());
        n.put("is_automatic", d.automatic);
        n.put("status_code", d.status);
        Json.putNullable(n, "failure_reason_code", d.failureReason);
        Json.putNullable(n, "failure_detail", d.failureDetail);
        n.put("attempt_count", d.attempts.size());
        n.put("max_attempts", MAX_ATTEMPTS);
        n.set("next_attempt_at", Json.time(d.nextAttemptAt));
        n.set("created_at", Json.time(d.createdAt));
        n.set("updated_at", Json.time(d.updatedAt));
        n.set("completed_at", Json.time(d.completedAt));
        ArrayNode attempts = n.putArray("attempts");
        for (RecordedCallbackAttempt a : d.attempts) {
            ObjectNode o = attempts.addObject();
            o.put("id", d.id + "-" + a.number());
            o.put("delivery_id", d.id);
            o.put("attempt_number", a.number());
            if (a.statusCode() == 0) {
                o.putNull("status_code");
            } else {
                o.put("status_code", a.statusCode());
            }
            o.put("response_body", a.responseBody());
            o.put("response_time_ms", a.responseTime().toMillis());
            Json.putNullable(o, "error_message", a.error());
            o.set("created_at", Json.time(a.attemptedAt()));
        }
        return n;
    }
}
