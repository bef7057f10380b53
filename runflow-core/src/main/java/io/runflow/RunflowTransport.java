package io.runflow;

/**
 * Makes a {@link RunflowApi} from the client's options. {@code runflow-feign} registers one for
 * {@link java.util.ServiceLoader}, so {@code RunflowClient.builder().build()} finds it on the class
 * path; pass one to {@link RunflowClient.Builder#transport(RunflowTransport)} to choose explicitly
 * (for example an in-memory API in tests: {@code .transport(options -> myApi)}).
 */
@FunctionalInterface
public interface RunflowTransport {

    /**
     * Creates the API client. Called once per {@link RunflowClient}; the client closes the result.
     *
     * @param options the frozen client options
     * @return the API
     */
    RunflowApi create(RunflowOptions options);
}
