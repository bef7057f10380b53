package io.runflow.micrometer;

import io.micrometer.common.KeyValues;
import io.runflow.RunflowObserver.WebhookRequest;
import io.runflow.RunflowObserver.WebhookStart;
import io.runflow.micrometer.RunflowObservationDocumentation.WebhookKeys;
import java.util.Locale;

/** The default names and keys of {@code runflow.webhook}; extend it to add keys of your own. */
public class DefaultRunflowWebhookObservationConvention implements RunflowWebhookObservationConvention {

    /** The observation's name. */
    public static final String NAME = "runflow.webhook";

    /** Creates the convention. */
    public DefaultRunflowWebhookObservationConvention() {}

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public String getContextualName(RunflowWebhookContext context) {
        return "runflow webhook";
    }

    @Override
    public KeyValues getLowCardinalityKeyValues(RunflowWebhookContext context) {
        WebhookStart start = context.getCarrier();
        WebhookRequest request = context.getRequest();
        return KeyValues.of(
                WebhookKeys.OUTCOME.withValue(
                        request == null ? "none" : request.outcome().name().toLowerCase(Locale.ROOT)),
                WebhookKeys.KIND.withValue(
                        start == null ? "none" : start.kind().name().toLowerCase(Locale.ROOT)),
                WebhookKeys.STATUS.withValue(request == null ? "none" : Integer.toString(request.status())));
    }
}
