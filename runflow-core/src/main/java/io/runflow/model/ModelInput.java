package io.runflow.model;

/**
 * A typed input for one specific model, such as {@code io.runflow.catalog.FluxProUltra.Input}. The
 * runs service accepts it wherever it accepts a {@link RunRequest}.
 */
public interface ModelInput {

    /**
     * Builds the request that runs the model with this input.
     *
     * @return the request, without callback, metadata or client reference (add them with the
     *     request's {@code with...} methods)
     */
    RunRequest toRequest();
}
