package io.runflow.testkit.spring;

import io.runflow.testkit.FakeRunflowServer;
import java.util.Map;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Starts a fake for one application context. Every instance is equal to every other, so contexts
 * that differ in nothing else are still cached and shared, each with its own fake.
 */
final class RunflowFakeContextCustomizer implements ContextCustomizer {

    static final String BEAN_NAME = "runflowFakeServer";
    static final String PROPERTY_SOURCE = "runflowFake";
    private static final String INLINED_TEST_PROPERTIES = "Inlined Test Properties";

    @Override
    public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration configuration) {
        FakeRunflowServer server = FakeRunflowServer.builder().build();
        context.getBeanFactory().registerSingleton(BEAN_NAME, server);
        context.addApplicationListener(new CloseWithContext(context, server));
        MapPropertySource properties = new MapPropertySource(
                PROPERTY_SOURCE,
                Map.of(
                        "runflow.base-url", server.baseUrl(),
                        "runflow.api-key", server.apiKey(),
                        "runflow.webhook.secrets", server.webhookSecret()));
        MutablePropertySources sources = context.getEnvironment().getPropertySources();
        if (sources.contains(INLINED_TEST_PROPERTIES)) {
            sources.addAfter(INLINED_TEST_PROPERTIES, properties);
        } else {
            sources.addFirst(properties);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RunflowFakeContextCustomizer;
    }

    @Override
    public int hashCode() {
        return RunflowFakeContextCustomizer.class.hashCode();
    }

    /** Closes the fake when its own context closes (a child context's close is not ours). */
    private static final class CloseWithContext implements ApplicationListener<ContextClosedEvent> {
        private final ConfigurableApplicationContext context;
        private final FakeRunflowServer server;

        CloseWithContext(ConfigurableApplicationContext context, FakeRunflowServer server) {
            this.context = context;
            this.server = server;
        }

        @Override
        public void onApplicationEvent(ContextClosedEvent event) {
            if (event.getApplicationContext() == context) {
                server.close();
            }
        }
    }
}
