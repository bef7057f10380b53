package io.runflow.micrometer;

import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.RequestReplySenderContext;
import io.runflow.RunflowObserver.HttpAttempt;
import io.runflow.RunflowObserver.HttpStart;

/**
 * The context of {@code runflow.client.request}: the attempt's start as its carrier (a tracer adds
 * {@code traceparent} through it) and, once it ended, the attempt as its response.
 */
public final class RunflowClientRequestContext extends RequestReplySenderContext<HttpStart, HttpAttempt> {

    /**
     * Creates the context of one attempt.
     *
     * @param start the attempt's start, whose headers go on the request
     */
    public RunflowClientRequestContext(HttpStart start) {
        super(
                (carrier, name, value) -> {
                    if (carrier != null) {
                        carrier.headers().accept(name, value);
                    }
                },
                Kind.CLIENT);
        setCarrier(start);
        setRemoteServiceName("runflow");
    }
}
