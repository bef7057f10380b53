package io.runflow.testkit.micronaut;

import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.test.support.TestPropertyProviderFactory;
import io.runflow.testkit.FakeRunflowServer;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Micronaut Test's hook that starts a {@link FakeRunflowServer} for each test context that asks for
 * one ({@link EnableRunflowFake}, or {@value #ENABLED}{@code =true}) and supplies the properties that
 * point the application at it. Found by Micronaut Test through {@code java.util.ServiceLoader}; not
 * called by tests.
 */
public final class RunflowFakePropertyProviderFactory implements TestPropertyProviderFactory {

    /** The property that turns the fake on for a test without the annotation. */
    public static final String ENABLED = "runflow.testkit.fake";

    /** Whether the fake is reset before each test; {@link EnableRunflowFake#resetBeforeEach()}. */
    public static final String RESET_BEFORE_EACH = "runflow.testkit.fake.reset-before-each";

    /** Which started fake belongs to a context; read by the testkit's bean factory. */
    static final String FAKE_ID = "runflow.testkit.fake-id";

    private static final ConcurrentMap<String, FakeRunflowServer> STARTED = new ConcurrentHashMap<>();

    /** Created by {@code ServiceLoader}. */
    public RunflowFakePropertyProviderFactory() {}

    @Override
    public TestPropertyProvider create(Map<String, Object> availableProperties, Class<?> testClass) {
        EnableRunflowFake annotation = testClass == null ? null : testClass.getAnnotation(EnableRunflowFake.class);
        if (annotation == null && !"true".equals(String.valueOf(availableProperties.get(ENABLED)))) {
            return Map::of;
        }
        boolean reset = annotation != null
                ? annotation.resetBeforeEach()
                : "true".equals(String.valueOf(availableProperties.get(RESET_BEFORE_EACH)));
        return new Provider(reset);
    }

    /** Hands a started fake to the context that its properties went to; each is taken once. */
    static FakeRunflowServer take(String id) {
        FakeRunflowServer server = STARTED.remove(id);
        if (server == null) {
            throw new IllegalStateException("no Runflow fake server was started for " + FAKE_ID + "=" + id);
        }
        return server;
    }

    /** Starts the fake once, when Micronaut Test first asks for the properties. */
    private static final class Provider implements TestPropertyProvider {
        private final boolean reset;
        private Map<String, String> properties;

        Provider(boolean reset) {
            this.reset = reset;
        }

        @Override
        public synchronized Map<String, String> getProperties() {
            if (properties == null) {
                FakeRunflowServer server =
                        FakeRunflowServer.builder().deterministic().build();
                String id = UUID.randomUUID().toString();
                STARTED.put(id, server);
                properties = Map.of(
                        "runflow.base-url",
                        server.baseUrl(),
                        "runflow.api-key",
                        server.apiKey(),
                        "runflow.webhook.secrets",
                        server.webhookSecret(),
                        FAKE_ID,
                        id);
            }
            return properties;
        }
    }
}
