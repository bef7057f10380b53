package io.runflow.micrometer;

import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.SenderContext;
import io.runflow.RunflowObserver.RunEnd;
import io.runflow.RunflowObserver.RunStart;

/**
 * The context of {@code runflow.run}: the run's start as its carrier (a tracer's context goes through
 * it to the run's metadata) and, once it ended, how.
 */
public final class RunflowRunContext extends SenderContext<RunStart> {

    private volatile RunEnd end;

    /**
     * Creates the context of one run.
     *
     * @param start the run's start
     */
    public RunflowRunContext(RunStart start) {
        super(
                (carrier, name, value) -> {
                    if (carrier != null) {
                        carrier.traceContext().accept(name, value);
                    }
                },
                Kind.CLIENT);
        setCarrier(start);
        setRemoteServiceName("runflow");
    }

    /**
     * Returns how the run ended.
     *
     * @return the end, or {@code null} while the run is open
     */
    public RunEnd getEnd() {
        return end;
    }

    /**
     * Sets how the run ended; the SDK sets it before stopping the observation.
     *
     * @param end the end
     */
    public void setEnd(RunEnd end) {
        this.end = end;
    }
}
