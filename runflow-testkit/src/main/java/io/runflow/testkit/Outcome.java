package io.runflow.testkit;

import io.runflow.testkit.internal.fake.ScriptedOutcome;
import io.runflow.testkit.internal.fake.ScriptedOutcome.Kind;
import java.time.Duration;
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

    private static final Outcome SUCCEED = new Outcome(Kind.SUCCEED, null, null, null, null);
    private static final Outcome PARTIAL_SUCCEED = new Outcome(Kind.PARTIAL_SUCCEED, null, null, null, null);
    private static final Outcome CANCEL = new Outcome(Kind.CANCEL, null, null, null, null);
    private static final Outcome HOLD = new Outcome(Kind.HOLD, null, null, null, null);

    private final Kind kind;
    private final String failureCode;
    private final String failureStage;
    private final String failureMessage;
    private final Duration running;

    private Outcome(Kind kind, String failureCode, String failureStage, String failureMessage, Duration running) {
        this.kind = kind;
        this.failureCode = failureCode;
        this.failureStage = failureStage;
        this.failureMessage = failureMessage;
        this.running = running;
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
                Objects.requireNonNull(message, "message"),
                null);
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
     * The run ends {@code partial_succeeded}: terminal, billed, with the outputs that landed (the
     * fake's one image), as multi-output models and solutions end when some outputs failed.
     *
     * @return the outcome
     */
    public static Outcome partialSucceed() {
        return PARTIAL_SUCCEED;
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

    /**
     * Returns the same outcome reached after the run has been {@code running} this long (server
     * time), instead of the server's running phase; models a slow or fast model.
     *
     * <pre>{@code
     * server.onModel("acme/video", Outcome.succeed().after(Duration.ofMinutes(3)));
     * }</pre>
     *
     * @param runningTime the time in {@code running}, not negative; reported as {@code
     *     timing.inference_ms}
     * @return a copy with this running time
     * @throws IllegalStateException for {@link #hold()}, which ends only when released
     */
    public Outcome after(Duration runningTime) {
        Objects.requireNonNull(runningTime, "runningTime");
        if (runningTime.isNegative()) {
            throw new IllegalArgumentException("runningTime must not be negative: " + runningTime);
        }
        if (kind == Kind.HOLD) {
            throw new IllegalStateException("a held run ends when released, not after a time");
        }
        return new Outcome(kind, failureCode, failureStage, failureMessage, runningTime);
    }

    /** The form the run lifecycle applies. */
    ScriptedOutcome script() {
        return new ScriptedOutcome(kind, failureCode, failureStage, failureMessage, running);
    }

    @Override
    public String toString() {
        String after = running == null ? "" : " after " + running;
        return kind == Kind.FAIL
                ? "Outcome[FAIL " + failureCode + " at " + failureStage + ": " + failureMessage + after + "]"
                : "Outcome[" + kind + after + "]";
    }
}
