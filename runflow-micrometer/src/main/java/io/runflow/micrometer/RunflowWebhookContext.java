package io.runflow.micrometer;

import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.ReceiverContext;
import io.runflow.RunflowObserver.WebhookRequest;
import io.runflow.RunflowObserver.WebhookStart;

/**
 * The context of {@code runflow.webhook}: the verified request as its carrier (a tracer takes the
 * parent from the trace context its run's create stored; a rejected request carries none) and, once
 * answered, the answer.
 */
public final class RunflowWebhookContext extends ReceiverContext<WebhookStart> {

    private volatile WebhookRequest request;

    /**
     * Creates the context of one webhook request.
     *
     * @param start the request, once its signature is checked
     */
    public RunflowWebhookContext(WebhookStart start) {
        super((carrier, name) -> carrier == null ? null : carrier.traceContext().apply(name), Kind.CONSUMER);
        setCarrier(start);
        setRemoteServiceName("runflow");
    }

    /**
     * Returns the answer.
     *
     * @return the answer, or {@code null} before it is known
     */
    public WebhookRequest getRequest() {
        return request;
    }

    /**
     * Sets the answer; the SDK sets it before stopping the observation.
     *
     * @param request the answer
     */
    public void setRequest(WebhookRequest request) {
        this.request = request;
    }
}
