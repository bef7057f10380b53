package io.runflow.testkit.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * {@code Idempotency-Key} on every POST, as the contract describes Runflow's global middleware
 * (section 9). Not public API.
 *
 * <ul>
 *   <li>Scope: a key belongs to one organization ({@code X-Organization-Id}, absent is one more
 *       organization; the fake accepts a single API key, so that is the key's owner too) and one route
 *       (method and template, e.g. {@code POST /v1/runs/{id}/callback-redeliveries}). The same key on
 *       another route is another key.
 *   <li>Same key, same request (the concrete path and the body, JSON compared as JSON so whitespace
 *       and field order do not matter, anything else byte for byte): the first answer is replayed,
 *       status, content type, headers and body, and the handler does not run again.
 *   <li>Same key, another path or body: 409 {@code CONFLICT} in the error envelope.
 *   <li>Only a 2xx answer is kept. An error answer (a 4xx or 5xx, or a request a fault refused before
 *       it got here) is not, so a retry with the same key is handled afresh and can succeed.
 *   <li>Requests with the same key are handled one at a time: a second one waits for the first to
 *       finish, then sees its kept answer (or, when the first failed, is handled itself). So two
 *       concurrent retries never both apply.
 *   <li>No header: every request is handled.
 * </ul>
 *
 * <p>Keys are kept until {@link #clear()} (the server's reset); the contract documents no TTL.
 */
public final class Idempotency implements Router.Middleware {

    private static final String HEADER = "Idempotency-Key";

    private record Scope(String organization, String route, String key) {}

    /** What a request is compared on: its path and its body (a {@link JsonNode} or the raw bytes). */
    private record Fingerprint(String path, Object body) {}

    /** One key's state; {@code lock} serializes its requests and guards the other fields. */
    private static final class Entry {
        final ReentrantLock lock = new ReentrantLock();
        Fingerprint first;
        Response answer;
    }

    private final Map<Scope, Entry> entries = new HashMap<>();

    /** Creates an empty key table. */
    public Idempotency() {}

    @Override
    public Response handle(Request request, String route, Router.Handler next) {
        String key = request.header(HEADER);
        if (key == null || !"POST".equals(request.method())) {
            return next.handle(request);
        }
        String organization = request.header("X-Organization-Id");
        Scope scope = new Scope(organization == null ? "" : organization, route, key);
        Entry entry;
        synchronized (this) {
            entry = entries.computeIfAbsent(scope, s -> new Entry());
        }
        Fingerprint fingerprint = new Fingerprint(request.path(), body(request.body()));
        entry.lock.lock();
        try {
            if (entry.answer != null) {
                if (entry.first.equals(fingerprint)) {
                    return entry.answer;
                }
                throw new ErrorResponseException(
                        409, "CONFLICT", "Idempotency-Key was already used with a different request body", null);
            }
            Response answer = next.handle(request);
            if (answer.status() >= 200 && answer.status() < 300) {
                entry.first = fingerprint;
                entry.answer = answer;
            }
            return answer;
        } finally {
            entry.lock.unlock();
        }
    }

    private static Object body(byte[] body) {
        JsonNode json = Json.tryParse(body);
        return json != null ? json : ByteBuffer.wrap(body.clone());
    }

    /** Forgets every key. A request still in flight keeps its answer to itself. */
    public synchronized void clear() {
        entries.clear();
    }
}
