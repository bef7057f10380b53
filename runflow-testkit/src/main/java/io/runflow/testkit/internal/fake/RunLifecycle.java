package io.runflow.testkit.internal.fake;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.runflow.testkit.internal.http.Json;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Moves runs queued → dispatching → running → terminal on the server clock, applies the scripted
 * outcome, and hands terminal runs with a {@code callback_url} to the callback sender. A run
 * that is already terminal never changes again (late results after a cancel are dropped).
 */
final class RunLifecycle {

    /** How long a run stays in each phase, in server time. */
    record Phases(Duration queued, Duration dispatching, Duration running) {}

    private final RunStore store;
    private final Scheduler scheduler;
    private final ServerClock clock;
    private final Phases phases;
    private final Supplier<String> baseUrl;
    private final Consumer<RunState> onTerminal;
    private final JpegRenderer images;

    RunLifecycle(
            RunStore store,
            Scheduler scheduler,
            ServerClock clock,
            Phases phases,
            Supplier<String> baseUrl,
            Consumer<RunState> onTerminal,
            JpegRenderer images) {
        this.images = images;
        this.store = store;
        this.scheduler = scheduler;
        this.clock = clock;
        this.phases = phases;
        this.baseUrl = baseUrl;
        this.onTerminal = onTerminal;
    }

    void start(RunState run) {
        synchronized (store) {
            log(run, "info", "run queued");
        }
        scheduler.schedule(phases.queued(), () -> step(run, RunState.QUEUED, RunState.DISPATCHING));
    }

    private void step(RunState run, String from, String to) {
        boolean hold;
        synchronized (store) {
            if (!from.equals(run.status)) {
                return;
            }
            run.status = to;
            log(run, "info", "run " + to);
            if (RunState.RUNNING.equals(to)) {
                run.startedAt = clock.instant();
            }
            hold = run.outcome.kind() == ScriptedOutcome.Kind.HOLD;
            if (RunState.RUNNING.equals(to) && hold) {
                run.held = true;
            }
        }
        if (RunState.DISPATCHING.equals(to)) {
            scheduler.schedule(phases.dispatching(), () -> step(run, RunState.DISPATCHING, RunState.RUNNING));
        } else if (!hold) {
            Duration running;
            synchronized (store) {
                running = run.outcome.running() != null ? run.outcome.running() : phases.running();
            }
            scheduler.schedule(running, () -> finish(run, null));
        }
    }

    /**
     * Releases a held run: it ends now with the given outcome. A run not yet running takes the outcome
     * and finishes on schedule.
     *
     * @return false when the run was already terminal
     */
    boolean release(RunState run, ScriptedOutcome outcome) {
        boolean finishNow;
        synchronized (store) {
            if (run.isTerminal()) {
                return false;
            }
            run.outcome = outcome.kind() == ScriptedOutcome.Kind.HOLD ? ScriptedOutcome.SUCCEED : outcome;
            finishNow = run.held;
            run.held = false;
        }
        if (finishNow) {
            finish(run, null);
        }
        return true;
    }

    /**
     * Cancels a run that is not terminal yet.
     *
     * @return true on a transition to canceled, false when the run was already terminal
     */
    boolean cancel(RunState run) {
        synchronized (store) {
            if (run.isTerminal()) {
                return false;
            }
            run.status = RunState.CANCELED;
            run.completedAt = clock.instant();
            run.held = false;
            log(run, "warning", "run canceled by an admin");
        }
        onTerminal.accept(run);
        return true;
    }

    private void finish(RunState run, ScriptedOutcome override) {
        synchronized (store) {
            if (run.isTerminal()) {
                return;
            }
            ScriptedOutcome outcome = override != null ? override : run.outcome;
            run.completedAt = clock.instant();
            switch (outcome.kind()) {
                case FAIL:
                    run.status = RunState.FAILED;
                    run.failureCode = outcome.failureCode();
                    run.failureStage = outcome.failureStage();
                    run.failureMessage = outcome.failureMessage();
                    log(
                            run,
                            "error",
                            outcome.failureCode() + " at " + outcome.failureStage() + ": " + outcome.failureMessage());
                    break;
                case CANCEL:
                    run.status = RunState.CANCELED;
                    log(run, "warning", "run canceled");
                    break;
                case PARTIAL_SUCCEED:
                    run.status = RunState.PARTIAL_SUCCEEDED;
                    run.output = output(run);
                    log(run, "warning", "run partially succeeded: some outputs did not land");
                    break;
                default:
                    run.status = RunState.SUCCEEDED;
                    run.output = output(run);
                    log(run, "info", "run succeeded");
                    break;
            }
        }
        onTerminal.accept(run);
    }

    /**
     * Where the output image is: a {@code /files/} URL, or with {@code "sync_mode": true} in the
     * input the image itself as a {@code data:} URI, as models with {@code sync_mode} return it.
     */
    private String outputUrl(RunState run) {
        if (run.input.path("sync_mode").asBoolean(false)) {
            byte[] jpeg =
                    images.render(run.input.path("prompt").asText(""), run.seed, run.model.width(), run.model.height());
            return "data:image/jpeg;base64," + java.util.Base64.getEncoder().encodeToString(jpeg);
        }
        return baseUrl.get() + "/files/" + run.id + "/0.jpg";
    }

    /** Appends a log line; call with the store's lock held. */
    private void log(RunState run, String level, String message) {
        ObjectNode meta = Json.object().put("status_code", run.status);
        run.logs.add(
                new RunState.LogEntry(run.id + "-log-" + (run.logs.size() + 1), level, message, clock.instant(), meta));
    }

    private ObjectNode output(RunState run) {
        ObjectNode output = Json.object();
        output.putArray("outputs")
                .addObject()
                .put("url", outputUrl(run))
                .put("type", "image")
                .put("width", run.model.width())
                .put("height", run.model.height())
                .put("content_type", "image/jpeg");
        output.put("seed", run.seed);
        long inference = run.startedAt == null
                ? 0
                : Duration.between(run.startedAt, run.completedAt).toMillis();
        output.putObject("timing").put("inference_ms", inference);
        output.put("nsfw_detected", false);
        return output;
    }
}
