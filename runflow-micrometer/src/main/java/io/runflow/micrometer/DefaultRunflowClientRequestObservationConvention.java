package io.runflow.micrometer;

import io.micrometer.common.KeyValues;
import io.runflow.RunflowObserver.HttpAttempt;
import io.runflow.RunflowObserver.HttpStart;
import io.runflow.micrometer.RunflowObservationDocumentation.ClientRequestKeys;

/**
 * The default names and keys of {@code runflow.client.request}; extend it to add keys of your own.
 * Every value is bounded: the path is the template, never an id.
 */
public class DefaultRunflowClientRequestObservationConvention implements RunflowClientRequestObservationConvention {

    /** The observation's name. */
    public static final String NAME = "runflow.client.request";

    /** Creates the convention. */
    public DefaultRunflowClientRequestObservationConvention() {}

    @Override
    public String getName() {
        return NAME;
    }

    /** Returns the method and path template, as OpenTelemetry names HTTP client spans. */
    @Override
    public String getContextualName(RunflowClientRequestContext context) {
        HttpStart start = context.getCarrier();
        return start == null ? NAME : start.endpoint();
    }

    @Override
    public KeyValues getLowCardinalityKeyValues(RunflowClientRequestContext context) {
        HttpStart start = context.getCarrier();
        HttpAttempt attempt = context.getResponse();
        return KeyValues.of(
                ClientRequestKeys.METHOD.withValue(start == null ? "none" : start.method()),
                ClientRequestKeys.URI.withValue(start == null ? "none" : start.pathTemplate()),
                ClientRequestKeys.STATUS.withValue(status(attempt)),
                ClientRequestKeys.OUTCOME.withValue(outcome(attempt)),
                ClientRequestKeys.ERROR_TYPE.withValue(errorType(attempt)),
                ClientRequestKeys.ATTEMPT.withValue(Integer.toString(start == null ? 1 : start.attempt())));
    }

    private static String status(HttpAttempt attempt) {
        return attempt == null || attempt.failure() != HttpAttempt.Failure.NONE
                ? "none"
                : Integer.toString(attempt.status());
    }

    private static String outcome(HttpAttempt attempt) {
        if (attempt == null || attempt.failure() != HttpAttempt.Failure.NONE) {
            return "UNKNOWN";
        }
        int status = attempt.status();
        if (status >= 200 && status < 300) {
            return "SUCCESS";
        }
        if (status >= 300 && status < 400) {
            return "REDIRECTION";
        }
        if (status >= 400 && status < 500) {
            return "CLIENT_ERROR";
        }
        return status >= 500 && status < 600 ? "SERVER_ERROR" : "UNKNOWN";
    }

    private static String errorType(HttpAttempt attempt) {
        if (attempt == null) {
            return "none";
        }
        if (attempt.failure() != HttpAttempt.Failure.NONE) {
            return attempt.failure().tag();
        }
        return attempt.status() >= 400 ? Integer.toString(attempt.status()) : "none";
    }
}
