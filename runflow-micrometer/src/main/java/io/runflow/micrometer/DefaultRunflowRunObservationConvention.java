package io.runflow.micrometer;

import io.micrometer.common.KeyValues;
import io.runflow.RunflowObserver.RunEnd;
import io.runflow.RunflowObserver.RunStart;
import io.runflow.micrometer.RunflowObservationDocumentation.RunHighCardinalityKeys;
import io.runflow.micrometer.RunflowObservationDocumentation.RunKeys;
import java.util.Locale;

/**
 * The default names and keys of {@code runflow.run}, with OpenTelemetry's GenAI semantic conventions
 * where they fit; extend it to add keys of your own.
 */
public class DefaultRunflowRunObservationConvention implements RunflowRunObservationConvention {

    /** The observation's name. */
    public static final String NAME = "runflow.run";

    /** The GenAI operation: Runflow's models generate content. */
    public static final String OPERATION = "generate_content";

    /** Creates the convention. */
    public DefaultRunflowRunObservationConvention() {}

    @Override
    public String getName() {
        return NAME;
    }

    /** Returns {@code generate_content <model>}, as the GenAI conventions name inference spans. */
    @Override
    public String getContextualName(RunflowRunContext context) {
        RunStart start = context.getCarrier();
        return start == null ? OPERATION : OPERATION + " " + start.modelId();
    }

    @Override
    public KeyValues getLowCardinalityKeyValues(RunflowRunContext context) {
        RunStart start = context.getCarrier();
        RunEnd end = context.getEnd();
        return KeyValues.of(
                RunKeys.GEN_AI_OPERATION_NAME.withValue(OPERATION),
                RunKeys.GEN_AI_OUTPUT_TYPE.withValue("image"),
                RunKeys.GEN_AI_PROVIDER_NAME.withValue("runflow"),
                RunKeys.GEN_AI_REQUEST_MODEL.withValue(start == null ? "none" : start.modelId()),
                RunKeys.STATUS.withValue(end == null ? "unknown" : end.status().value()),
                RunKeys.ENDED_BY.withValue(
                        end == null ? "none" : end.endedBy().name().toLowerCase(Locale.ROOT)));
    }

    @Override
    public KeyValues getHighCardinalityKeyValues(RunflowRunContext context) {
        RunEnd end = context.getEnd();
        return end == null || end.runId().isEmpty()
                ? KeyValues.empty()
                : KeyValues.of(RunHighCardinalityKeys.GEN_AI_RESPONSE_ID.withValue(end.runId()));
    }
}
