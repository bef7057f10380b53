package io.runflow;

import io.runflow.RunflowObserver.RunEnd;
import io.runflow.RunflowObserver.RunEnd.EndedBy;
import io.runflow.RunflowObserver.RunStart;
import io.runflow.RunflowObserver.Scope;
import io.runflow.RunflowObserver.Wait;
import io.runflow.RunflowObserver.Work;
import io.runflow.model.JsonValue;
import io.runflow.model.Run;
import io.runflow.model.RunRequest;
import io.runflow.model.RunStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The runs this client created and still follows for its observer: each run's {@link Work} from the
 * create to its end as the client learns it (a wait's end, a terminal callback, the client's close).
 * With the no-op observer it follows nothing and allocates nothing; it then only checks that no
 * caller's metadata uses the reserved key.
 */
final class RunTracker {

    /** How many runs may be followed at once; a run beyond is not followed past its create. */
    static final int MAX_OPEN = 10_000;

    private static final String KEY = RunflowClient.TRACE_CONTEXT_METADATA_KEY;

    private final RunflowObserver observer;
    private final boolean inMetadata;
    private final ConcurrentHashMap<String, Tracked> open = new ConcurrentHashMap<>();

    RunTracker(RunflowOptions options) {
        this.observer = options.observer();
        this.inMetadata = options.traceContextInMetadata();
    }

    /**
     * Creates the run through {@code api} (the client's, or a {@code withOptions} view's): inside its
     * work, with the trace context in its metadata, when observed.
     */
    Run create(RunflowApi api, RunRequest request) {
        if (inMetadata && hasKey(request.metadata())) {
            throw new IllegalArgumentException("metadata must not use the key " + KEY
                    + ": the client stores the trace context there (turn that off with"
                    + " RunflowClient.builder().traceContextInMetadata(false) or runflow.tracing.metadata=false)");
        }
        if (observer == RunflowObserver.noop()) {
            return api.createRun(request);
        }
        Map<String, String> fields = new LinkedHashMap<>(4);
        Work<RunEnd> work = observer.startRun(new RunStart(request.modelId(), fields::put));
        RunRequest sent = inMetadata && !fields.isEmpty()
                ? request.withMetadata(withTraceContext(request.metadata(), fields))
                : request;
        Run run;
        Scope scope = work.makeCurrent();
        try {
            run = api.createRun(sent);
        } catch (RuntimeException | Error e) {
            scope.close();
            work.error(e);
            work.end(new RunEnd("", RunStatus.UNKNOWN, EndedBy.CREATE_FAILED));
            throw e;
        }
        scope.close();
        work.event(run.status().value());
        Tracked tracked = new Tracked(run.id(), work, run.status());
        if (open.size() >= MAX_OPEN || open.putIfAbsent(run.id(), tracked) != null) {
            work.end(new RunEnd(run.id(), run.status(), EndedBy.UNTRACKED));
        }
        return run;
    }

    private static boolean hasKey(JsonValue metadata) {
        return metadata instanceof JsonValue.JsonObject object
                && object.members().containsKey(KEY);
    }

    /** The caller's metadata as it is, plus the trace context's fields under the reserved key. */
    private static JsonValue.JsonObject withTraceContext(JsonValue metadata, Map<String, String> fields) {
        Map<String, JsonValue> members = new LinkedHashMap<>();
        if (metadata instanceof JsonValue.JsonObject object) {
            members.putAll(object.members());
        }
        Map<String, JsonValue> context = new LinkedHashMap<>();
        fields.forEach((name, value) -> context.put(name, new JsonValue.JsonString(value)));
        members.put(KEY, new JsonValue.JsonObject(context));
        return new JsonValue.JsonObject(members);
    }

    /** Returns the followed run, or {@code null} when this client does not follow it. */
    Tracked tracked(String runId) {
        return observer == RunflowObserver.noop() ? null : open.get(runId);
    }

    /** A run state from a callback: a terminal one ends the run's work, if a wait did not already. */
    void callback(Run run) {
        if (observer == RunflowObserver.noop()) {
            return;
        }
        Tracked tracked = open.get(run.id());
        if (tracked != null) {
            tracked.status(run);
            if (run.status().isTerminal()) {
                tracked.end(EndedBy.CALLBACK);
            }
        }
    }

    /** Ends every followed run's work, because the client is closing. */
    void closeAll() {
        for (Tracked tracked : open.values()) {
            tracked.end(EndedBy.CALLER);
        }
    }

    /** One followed run. */
    final class Tracked {
        private final String runId;
        private final Work<RunEnd> work;
        private RunStatus last;

        private Tracked(String runId, Work<RunEnd> work, RunStatus first) {
            this.runId = runId;
            this.work = work;
            this.last = first;
        }

        /** Makes the run's context current, for a poll made on its behalf. */
        Scope makeCurrent() {
            return work.makeCurrent();
        }

        /** A state seen by a wait or a callback: a new status is an event. */
        void status(Run run) {
            RunStatus status = run.status();
            synchronized (this) {
                if (status == last) {
                    return;
                }
                last = status;
            }
            work.event(status.value());
        }

        /** A wait on the run ended: the run's work ends with it. */
        void waitEnded(Wait.EndedBy endedBy) {
            end(
                    switch (endedBy) {
                        case POLL -> EndedBy.POLL;
                        case CALLBACK -> EndedBy.CALLBACK;
                        case KNOWN_STATE -> EndedBy.KNOWN_STATE;
                        case DEADLINE -> EndedBy.DEADLINE;
                        case CALLER -> EndedBy.CALLER;
                    });
        }

        void end(EndedBy endedBy) {
            // Only the one who takes it out of the map ends it: a wait and a callback may race.
            if (open.remove(runId, this)) {
                RunStatus status;
                synchronized (this) {
                    status = last;
                }
                work.end(new RunEnd(runId, status, endedBy));
            }
        }
    }
}
