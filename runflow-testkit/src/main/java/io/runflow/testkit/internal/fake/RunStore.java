package io.runflow.testkit.internal.fake;

import io.runflow.testkit.FakeRun;
import io.runflow.testkit.internal.http.ErrorResponseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * All runs, in creation order. Its own monitor guards every {@link
 * RunState}: handlers and timed tasks take {@code synchronized (store)} around each change, and no
 * lock is held while a callback is sent.
 */
final class RunStore {

    private final Map<String, RunState> byId = new HashMap<>();
    private final List<RunState> ordered = new ArrayList<>();
    private long sequence;

    synchronized long nextSequence() {
        return ++sequence;
    }

    /** Adds a new run after the others. */
    synchronized RunState add(RunState run) {
        byId.put(run.id, run);
        ordered.add(run);
        return run;
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

    /** A snapshot of one run, or null when there is no such run. */
    synchronized FakeRun snapshot(String id) {
        RunState run = byId.get(id);
        return run == null ? null : run.snapshot();
    }

    synchronized List<FakeRun> snapshots() {
        List<FakeRun> list = new ArrayList<>(ordered.size());
        ordered.forEach(r -> list.add(r.snapshot()));
        return list;
    }

    synchronized void clear() {
        byId.clear();
        ordered.clear();
        sequence = 0;
    }
}
