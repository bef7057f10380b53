package io.runflow.fuzz;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Runs inputs through a target and counts what came out: a value, an expected typed exception, or
 * anything else, which is a failure kept with its input. {@link #assertClean()} fails once, at the
 * end, listing the first failures; so one run shows every kind of leak rather than the first.
 */
public final class FuzzTally {

    /** The longest exception message accepted: messages name the problem, they do not quote bodies. */
    public static final int MAX_MESSAGE_LENGTH = 2_000;

    private static final int KEPT = 12;

    private final String target;
    private final Class<? extends Throwable> typed;
    private final List<String> forbidden;
    private final List<String> failures = new ArrayList<>();
    private final long startCpuNanos = cpuNanos();
    private int inputs;
    private int values;
    private int rejected;
    private int failed;

    /**
     * Starts a tally.
     *
     * @param target what is fuzzed, for the report
     * @param typed the exception type a bad input may end in
     * @param forbidden texts no message of the exception or its causes may contain (secrets)
     */
    public FuzzTally(String target, Class<? extends Throwable> typed, String... forbidden) {
        this.target = target;
        this.typed = typed;
        this.forbidden = List.of(forbidden);
    }

    /**
     * Runs one input.
     *
     * @param input the input
     * @param action the target applied to the input; its value is checked by the caller's action
     */
    public void run(JsonMutator.Mutation input, Callable<?> action) {
        inputs++;
        try {
            action.call();
            values++;
        } catch (Throwable e) {
            if (typed.isInstance(e) && problem(e) == null) {
                rejected++;
            } else {
                fail(input, typed.isInstance(e) ? problem(e) : "threw " + e, e);
            }
        }
    }

    /**
     * Records a failure the caller found in a value (an answer it should not have given).
     *
     * @param input the input
     * @param problem what was wrong
     */
    public void fail(JsonMutator.Mutation input, String problem) {
        fail(input, problem, null);
    }

    private void fail(JsonMutator.Mutation input, String problem, Throwable e) {
        failed++;
        if (failures.size() < KEPT) {
            StringBuilder text =
                    new StringBuilder(problem).append("\n    input: ").append(input.describe());
            if (e != null) {
                for (StackTraceElement frame : e.getStackTrace()) {
                    if (frame.getClassName().startsWith("io.runflow")) {
                        text.append("\n    at ").append(frame);
                        break;
                    }
                }
            }
            failures.add(text.toString());
        }
    }

    private static long cpuNanos() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    private String problem(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            for (String secret : forbidden) {
                if (message.contains(secret)) {
                    return t.getClass().getSimpleName() + " message shows a secret";
                }
            }
        }
        String message = String.valueOf(e.getMessage());
        return message.length() > MAX_MESSAGE_LENGTH
                ? "message of " + message.length() + " characters: " + message.substring(0, 200) + "..."
                : null;
    }

    /**
     * Returns how many inputs were run.
     *
     * @return the count
     */
    public int inputs() {
        return inputs;
    }

    /**
     * Fails if any input ended in anything but a value or the typed exception.
     *
     * @throws AssertionError listing the first failures
     */
    public void assertClean() {
        // CPU time of this thread, not wall time: the figure holds on a machine shared with other builds.
        System.out.printf(
                "fuzz %s: %d inputs, %d values, %d typed rejections, %d failures, %.1f s CPU%n",
                target, inputs, values, rejected, failed, (cpuNanos() - startCpuNanos) / 1e9);
        if (failed > 0) {
            throw new AssertionError(
                    target + ": " + failed + " of " + inputs + " inputs ended in neither a value nor a "
                            + typed.getSimpleName() + ":\n  " + String.join("\n  ", failures));
        }
    }
}
