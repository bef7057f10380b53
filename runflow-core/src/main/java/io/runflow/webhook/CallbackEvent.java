package io.runflow.webhook;

import io.runflow.internal.WireValues;
import io.runflow.model.RunStatus;
import java.util.Map;

/**
 * The {@code event} of a callback. The server's set is open: a value this SDK does not know (for
 * example a batch event such as {@code batch.succeeded}) maps to {@link #UNKNOWN}, and the raw
 * string stays in {@link Callback#eventName()}.
 */
public enum CallbackEvent {
    /** {@code run.completed}: the run succeeded. */
    COMPLETED("run.completed", RunStatus.SUCCEEDED),
    /** {@code run.failed}: the run failed; the callback's output is the error envelope. */
    FAILED("run.failed", RunStatus.FAILED),
    /** {@code run.cancelled} (UK spelling on the wire; {@code run.canceled} is read too). */
    CANCELLED("run.cancelled", RunStatus.CANCELED),
    /** {@code run.partial_succeeded}: some outputs landed. */
    PARTIAL_SUCCEEDED("run.partial_succeeded", RunStatus.PARTIAL_SUCCEEDED),
    /** An event this version of the SDK does not know. */
    UNKNOWN("unknown", RunStatus.UNKNOWN);

    private final String value;
    private final RunStatus impliedStatus;

    CallbackEvent(String value, RunStatus impliedStatus) {
        this.value = value;
        this.impliedStatus = impliedStatus;
    }

    /**
     * Maps a wire value to an event, ignoring case and surrounding white space.
     *
     * @param value the raw {@code event}; may be {@code null}
     * @return the event, {@link #UNKNOWN} for {@code null} or an unrecognised value
     */
    public static CallbackEvent from(String value) {
        // Every callback comes through here: the exact wire spellings skip the normalising.
        CallbackEvent exact = value == null ? null : EXACT.get(value);
        return exact != null ? exact : WireValues.from(value, values(), CallbackEvent::value, ALIASES, UNKNOWN);
    }

    private static final Map<String, CallbackEvent> ALIASES = Map.of("run.canceled", CANCELLED);

    private static final Map<String, CallbackEvent> EXACT = Map.of(
            COMPLETED.value,
            COMPLETED,
            FAILED.value,
            FAILED,
            CANCELLED.value,
            CANCELLED,
            PARTIAL_SUCCEEDED.value,
            PARTIAL_SUCCEEDED,
            "run.canceled",
            CANCELLED);

    /**
     * Returns the canonical wire value.
     *
     * @return for example {@code "run.completed"}
     */
    public String value() {
        return value;
    }

    /** The run status the event stands for, used when a callback leaves out {@code status}. */
    RunStatus impliedStatus() {
        return impliedStatus;
    }
}
