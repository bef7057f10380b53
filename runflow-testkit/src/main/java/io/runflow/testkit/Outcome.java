package io.runflow.testkit;

import java.util.Objects;

/**
 * How a run ends in the fake. Scripted per model with {@link FakeRunflowServer#onModel(String,
 * Outcome)}, per run with {@link FakeRunflowServer#onNextRun(Outcome)}, or given when a held run is
 * {@linkplain FakeRunflowServer#release(String, Outcome) released}.
 *
 * <pre>{@code
 * server.onModel(FakeModel.FLUX_PRO_ULTRA, Outcome.fail("PROVIDER_ERROR", "inference", "GPU on fire"));
 * }</pre>
 */
public final class Outcome {

    enum Kind {
        SUCCEED,
        FAIL,
        CANCEL,
        HOLD
    }

    private static final Outcome SUCCEED = new Outcome(Kind.SUCCEED, null, null, null);
    private static final Outcome CANCEL = new Outcome(Kind.CANCEL, null, null, null);
    private static final Outcome HOLD = new Outcome(Kind.HOLD, null, null, null);

    private final Kind kind;
    private final String failureCode;
    private final String failureStage;
    private final String failureMessage;

    private Outcome(Kind kind, String failureCode, String failureStage, String failureMessage) {
        this.kind = kind;
        this.failureCode = failureCode;
        this.failureStage = failureStage;
        this.failureMessage = failureMessage;
    }

    /**
     * The run succeeds with one image output. The default.
     *
     * @return the outcome
     */
    public static Outcome succeed() {
        return SUCCEED;
    }

    /**
     * The run fails with these values in {@code failure_code}, {@code failure_stage_code} and {@code
     * failure_message}.
     *
     * @param code the failure code, e.g. {@code INPUT_VALIDATION_FAILED}
     * @param stage the failure stage, e.g. {@code dispatch} or {@code preprocess}
     * @param message the failure message
     * @return the outcome
     */
    public static Outcome fail(String code, String stage, String message) {
        return new Outcome(
                Kind.FAIL,
                Objects.requireNonNull(code, "code"),
                Objects.requireNonNull(stage, "stage"),
                Objects.requireNonNull(message, "message"));
    }

    /**
     * The run fails with {@code PROVIDER_ERROR} at stage {@code inference}.
     *
     * @return the outcome
     */
    public static Outcome fail() {
        return fail("PROVIDER_ERROR", "inference", "the model provider returned an error");
    }

    /**
     * The run ends {@code canceled}, as if an admin had cancelled it while it ran.
     *
     * @return the outcome
     */
    public static Outcome cancel() {
        return CANCEL;
    }

    /**
     * The run stays {@code running} until {@link FakeRunflowServer#release(String)} is called.
     *
     * @return the outcome
     */
    public static Outcome hold() {
        return HOLD;
    }

    Kind kind() {
        return kind;
    }

    String failureCode() {
        return failureCode;
    }

    String failureStage() {
        return failureStage;
    }

    String failureMessage() {
        return failureMessage;
    }

    @Override
    public String toString() {
        return kind == Kind.FAIL
                ? "Outcome[FAIL " + failureCode + " at " + failureStage + ": " + failureMessage + "]"
                : "Outcome[" + kind + "]";
    }
}
