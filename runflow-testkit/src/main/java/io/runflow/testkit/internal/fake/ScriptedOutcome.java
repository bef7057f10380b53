package io.runflow.testkit.internal.fake;

import java.time.Duration;
import java.util.Objects;

/**
 * How a run ends, as the lifecycle applies it; made from a public {@code Outcome}. Not public API.
 *
 * @param kind how it ends
 * @param failureCode the {@code failure_code} of a failure, else null
 * @param failureStage the {@code failure_stage_code} of a failure, else null
 * @param failureMessage the {@code failure_message} of a failure, else null
 * @param running the scripted running time, or null for the server's running phase
 */
public record ScriptedOutcome(
        Kind kind, String failureCode, String failureStage, String failureMessage, Duration running) {

    /** The default: the run succeeds after the server's running phase. */
    public static final ScriptedOutcome SUCCEED = new ScriptedOutcome(Kind.SUCCEED, null, null, null, null);

    /** How a run ends. */
    public enum Kind {
        /** It succeeds with one image output. */
        SUCCEED,
        /** It fails with the failure values. */
        FAIL,
        /** It ends {@code partial_succeeded}, with the outputs that landed. */
        PARTIAL_SUCCEED,
        /** It ends canceled. */
        CANCEL,
        /** It stays running until released. */
        HOLD
    }

    /** Checks the kind. */
    public ScriptedOutcome {
        Objects.requireNonNull(kind, "kind");
    }
}
