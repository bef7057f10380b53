package io.runflow.feign;

import io.runflow.RunflowApi;
import io.runflow.RunflowOptions;
import io.runflow.RunflowTransport;

/**
 * The transport {@link java.util.ServiceLoader} finds in {@code runflow-feign}, so that {@code
 * RunflowClient.builder().apiKey(key).build()} works with no further code. Equivalent to {@link
 * RunflowFeign#transport()}.
 */
public final class FeignRunflowTransport implements RunflowTransport {

    /** Creates the transport; called by {@link java.util.ServiceLoader}. */
    public FeignRunflowTransport() {}

    @Override
    public RunflowApi create(RunflowOptions options) {
        return RunflowFeign.create(options);
    }
}
