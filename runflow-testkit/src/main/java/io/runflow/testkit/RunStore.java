package io.runflow.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * All runs, in creation order, and the Idempotency-Key table. Its own monitor guards every {@link
 * RunState}: handlers and timed tasks take {@code synchronized (store)} around each change, and no
 * lock is held while a callback is sent.
 */
final class RunStore {

    /** What an Idempotency-Key was first used for: the request (path and parsed body) and its run. */
    private record KeyUse(String path, JsonNode body, String runId) {}

    /** A create's result: the run, and whether it is a replay of an earlier create. */
    record Created(RunState run, boolean replayed) {}

    private final Map<String, RunState> byId = new HashMap<>();
    private final List<RunState> ordered = new ArrayList<>();
    private final Map<String, KeyUse> keys = new HashMap<>();
    private long sequence;

    synchronized long nextSequence() {
        return ++sequence;
    }

    /**
     * Creates a run, or replays the run an Idempotency-Key already made.
     *
     * @throws ErrorResponseException 409 {@code CONFLICT} when the key was used with another body or path
     */
    synchronized Created create(String idempotencyKey, String path, JsonNode body, Supplier<RunState> factory) {
        if (idempotencyKey != null) {
            KeyUse use = keys.get(idempotencyKey);
            if (use != null) {
                if (use.path.equals(path) && use.body.equals(body)) {
                    return new Created(byId.get(use.runId), true);
                }
                throw new ErrorResponseException(
                        409, "CONFLICT", "Idempotency-Key was already used with a different request body", null);
            }
        }
        RunState run = factory.get();
        byId.put(run.id, run);
        ordered.add(run);
        if (idempotencyKey != null) {
            keys.put(idempotencyKey, new KeyUse(path, body, run.id));
        }
        return new Created(run, false);
    }

    synchronized RunState find(String id) {
        return byId.get(id);
    }

    /** @throws ErrorResponseException 404 {@code RUN_NOT_FOUND} */
    synchronized RunState get(String id) {
        RunState run = byId.get(id);
        if (run == null) {
            throw ErrorResponseException.notFound(
                    "RUN_NOT_FOUND", "run " + id + " does not exist or belongs to another org");
        }
        return run;
    }

    /** A copy of every run, oldest first. */
    synchronized List<RunState> all() {
        return List.copyOf(ordered);
    }

    synchronized List<FakeRun> snapshots() {
        List<FakeRun> list = new ArrayList<>(ordered.size());
        ordered.forEach(r -> list.add(r.snapshot()));
        return list;
    }

    synchronized void clear() {
        byId.clear();
        ordered.clear();
        keys.clear();
        sequence = 0;
    }
}
