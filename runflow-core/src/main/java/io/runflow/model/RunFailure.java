package io.runflow.model;

/**
 * Why a run failed, from its {@code failure_code}, {@code failure_stage_code} and {@code
 * failure_message} fields (older pages call the stage {@code failure_stage}; both are read).
 *
 * @param code a machine identifier such as {@code INPUT_VALIDATION_FAILED}; may be {@code null}
 * @param stage where it failed, such as {@code dispatch} or {@code preprocess}; may be {@code null}
 * @param message human-readable text; may be {@code null}
 */
public record RunFailure(String code, String stage, String message) {

    /**
     * Returns a one-line description, for example {@code INPUT_VALIDATION_FAILED at preprocess:
     * image too large}.
     *
     * @return the description, with absent parts left out
     */
    public String describe() {
        StringBuilder text = new StringBuilder(code == null ? "failure" : code);
        if (stage != null) {
            text.append(" at ").append(stage);
        }
        if (message != null) {
            text.append(": ").append(message);
        }
        return text.toString();
    }
}
