package io.runflow.testkit.junit;

import io.runflow.RunflowClient;
import io.runflow.testkit.FakeRunflowServer;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * JUnit 5 glue for {@link FakeRunflowServer}: one server per test class (per test for a non-static
 * field), state {@linkplain FakeRunflowServer#reset() reset} before each test, and parameters of type
 * {@link FakeRunflowServer} and {@link RunflowClient} resolved. The client comes from {@link
 * FakeRunflowServer#clientBuilder()}, so its waits run in server time; it needs a transport such as
 * {@code io.runflow:runflow-feign} on the test class path.
 *
 * <p>Declarative: annotate the class with {@link RunflowTest}. Programmatic:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final RunflowExtension runflow = RunflowExtension.builder()
 *         .server(FakeRunflowServer.builder().deterministic().outputImageSize(64, 64))
 *         .build();
 *
 * @Test
 * void rendersTheProductShot() {
 *     runflow.server().onNextRun(Outcome.fail());
 *     ...
 * }
 * }</pre>
 *
 * <p>Parallel execution: a static registration shares one server among the class's tests and resets
 * it before each, so they must not run concurrently. {@link RunflowTest} sees to that itself; with
 * {@code @RegisterExtension} under {@code junit.jupiter.execution.parallel.mode.default=concurrent},
 * annotate the class {@code @Execution(ExecutionMode.SAME_THREAD)}. A non-static field, with the
 * default per-method test instance lifecycle, gives each test its own extension and server, which
 * is safe to run concurrently.
 */
public final class RunflowExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(RunflowExtension.class);
    private static final String KEY = "runflow";

    private final FakeRunflowServer.Builder serverBuilder;
    private final Consumer<RunflowClient.Builder> clientCustomizer;
    private volatile Instance current;

    /** The declarative form's constructor, used by {@link RunflowTest}; reads the annotation. */
    public RunflowExtension() {
        this(null, b -> {});
    }

    private RunflowExtension(
            FakeRunflowServer.Builder serverBuilder, Consumer<RunflowClient.Builder> clientCustomizer) {
        this.serverBuilder = serverBuilder;
        this.clientCustomizer = clientCustomizer;
    }

    /**
     * Starts configuring a programmatic extension for {@code @RegisterExtension}.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the running server, for tests using {@code @RegisterExtension}.
     *
     * @return the server of the current test class
     * @throws IllegalStateException outside a running test class
     */
    public FakeRunflowServer server() {
        return instance().server;
    }

    /**
     * Returns the client for the running server, created on first use.
     *
     * @return the client of the current test class
     * @throws IllegalStateException outside a running test class, or when no transport is on the
     *     class path
     */
    public RunflowClient client() {
        return instance().client();
    }

    private Instance instance() {
        Instance i = current;
        if (i == null) {
            throw new IllegalStateException("the Runflow fake server is not running: use the extension from a test");
        }
        return i;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (find(context) == null) {
            start(context);
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        Instance instance = find(context);
        if (instance == null) {
            instance = start(context);
        }
        current = instance;
        instance.server.reset();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        stopIfOwner(context);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stopIfOwner(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        return type == FakeRunflowServer.class || type == RunflowClient.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Instance instance = find(extensionContext);
        if (instance == null) {
            throw new ParameterResolutionException(
                    "the Runflow fake server is not running for " + extensionContext.getDisplayName());
        }
        if (parameterContext.getParameter().getType() == FakeRunflowServer.class) {
            return instance.server;
        }
        try {
            return instance.client();
        } catch (IllegalStateException e) {
            throw new ParameterResolutionException(
                    "cannot inject a RunflowClient: " + e.getMessage()
                            + " (a FakeRunflowServer parameter works without one)",
                    e);
        }
    }

    private Instance start(ExtensionContext context) {
        FakeRunflowServer.Builder builder = serverBuilder != null ? serverBuilder : fromAnnotation(context);
        Instance instance = new Instance(builder.build(), context.getUniqueId(), clientCustomizer);
        context.getStore(NAMESPACE).put(KEY, instance);
        current = instance;
        return instance;
    }

    private static FakeRunflowServer.Builder fromAnnotation(ExtensionContext context) {
        FakeRunflowServer.Builder builder = FakeRunflowServer.builder();
        Optional<RunflowTest> annotation =
                context.getTestClass().flatMap(c -> AnnotationSupport.findAnnotation(c, RunflowTest.class));
        annotation.ifPresent(a -> {
            if (a.deterministic()) {
                builder.deterministic();
            }
            if (a.imageSize() > 0) {
                builder.outputImageSize(a.imageSize(), a.imageSize());
            }
        });
        return builder;
    }

    private static Instance find(ExtensionContext context) {
        return context.getStore(NAMESPACE).get(KEY, Instance.class);
    }

    private void stopIfOwner(ExtensionContext context) {
        Instance instance = find(context);
        if (instance != null && instance.owner.equals(context.getUniqueId())) {
            context.getStore(NAMESPACE).remove(KEY);
            instance.close();
            if (current == instance) {
                current = null;
            }
        }
    }

    /** One server and its lazily built client; not AutoCloseable so that JUnit leaves closing to us. */
    private static final class Instance {
        final FakeRunflowServer server;
        final String owner;
        final Consumer<RunflowClient.Builder> customizer;
        private RunflowClient client;

        Instance(FakeRunflowServer server, String owner, Consumer<RunflowClient.Builder> customizer) {
            this.server = server;
            this.owner = owner;
            this.customizer = customizer;
        }

        synchronized RunflowClient client() {
            if (client == null) {
                RunflowClient.Builder builder = server.clientBuilder();
                customizer.accept(builder);
                client = builder.build();
            }
            return client;
        }

        synchronized void close() {
            try {
                if (client != null) {
                    client.close();
                }
            } finally {
                server.close();
            }
        }
    }

    /** Configures a programmatic {@link RunflowExtension}. */
    public static final class Builder {

        private FakeRunflowServer.Builder server = FakeRunflowServer.builder();
        private Consumer<RunflowClient.Builder> client = b -> {};

        private Builder() {}

        /**
         * Sets how each test class's server is built. Default {@code FakeRunflowServer.builder()}.
         *
         * @param server the server builder; {@code build()} is called once per test class
         * @return this builder
         */
        public Builder server(FakeRunflowServer.Builder server) {
            this.server = Objects.requireNonNull(server, "server");
            return this;
        }

        /**
         * Adjusts the injected client's builder after the server has set key, URL and time, for
         * example to set a transport or policies. Default: no change.
         *
         * @param customizer called once per client
         * @return this builder
         */
        public Builder client(Consumer<RunflowClient.Builder> customizer) {
            this.client = Objects.requireNonNull(customizer, "customizer");
            return this;
        }

        /**
         * Creates the extension.
         *
         * @return the extension, to assign to a {@code @RegisterExtension} field
         */
        public RunflowExtension build() {
            return new RunflowExtension(server, client);
        }
    }
}
