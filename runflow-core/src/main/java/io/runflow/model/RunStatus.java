package io.runflow.model;

import io.runflow.internal.WireValues;
import java.util.Map;

/**
 * The state of a run, from the run's {@code status_code} (or a callback's {@code status}).
 *
 * <p>The server's set of states is open: a value this SDK does not know maps to {@link #UNKNOWN}, and
 * the raw string stays available where the status came from ({@link Run#statusCode()}). Both
 * spellings {@code canceled} and {@code cancelled} map to {@link #CANCELED}.
 */
public enum RunStatus {
    /** Accepted, waiting for compute. */
    QUEUED("queued", false),
    /** Being submitted to the execution provider. */
    DISPATCHING("dispatching", false),
    /** Executing. */
    RUNNING("running", false),
    /** Finished; outputs are ready. */
    SUCCEEDED("succeeded", true),
    /** Finished with an error; see {@link Run#failure()}. */
    FAILED("failed", true),
    /** Canceled before it finished. */
    CANCELED("canceled", true),
    /** Finished with some of its outputs; inspect {@link RunOutput#outputs()}. */
    PARTIAL_SUCCEEDED("partial_succeeded", true),
    /** A status this version of the SDK does not know; never treated as terminal. */
    UNKNOWN("unknown", false);

    private final String value;
    private final boolean terminal;

    RunStatus(String value, boolean terminal) {
        this.value = value;
        this.terminal = terminal;
    }

    /**
     * Maps a wire value to a status, ignoring case and surrounding white space.
     *
     * @param value the raw {@code status_code}; may be {@code null}
     * @return the status, {@link #UNKNOWN} for {@code null} or an unrecognised value
     */
    public static RunStatus from(String value) {
        // Every read of a run comes through here: the exact wire spellings skip the normalising.
        RunStatus exact = value == null ? null : EXACT.get(value);
        return exact != null
                ? exact
                : WireValues.from(value, values(), RunStatus::value, Map.of("cancelled", CANCELED), UNKNOWN);
    }

    private static final Map<String, RunStatus> EXACT = exactSpellings();

    private static Map<String, RunStatus> exactSpellings() {
        Map<String, RunStatus> exact = new java.util.HashMap<>();
        for (RunStatus status : values()) {
            if (status != UNKNOWN) {
                exact.put(status.value(), status);
            }
        }
        exact.put("cancelled", CANCELED);
        return Map.copyOf(exact);
    }

    /**
     * Returns the canonical wire value.
     *
     * @return for example {@code "succeeded"}; {@code "canceled"} for {@link #CANCELED}
     */
    public String value() {
        return value;
    }

    /**
     * Tells whether a run in this state will change no more.
     *
     * @return true for succeeded, failed, canceled and partially succeeded
     */
    public boolean isTerminal() {
        return terminal;
    }
}
