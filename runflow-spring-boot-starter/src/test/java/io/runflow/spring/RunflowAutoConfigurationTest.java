package io.runflow.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.runflow.RunflowClient;
import io.runflow.RunflowObserver;
import io.runflow.RunflowObserver.HttpAttempt;
import io.runflow.RunflowOptions;
import io.runflow.RunflowTransport;
import io.runflow.testkit.FakeRunflowServer;
import io.runflow.webhook.DedupKind;
import io.runflow.webhook.WebhookEndpoint;
import io.runflow.webhook.WebhookVerifier;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

class RunflowAutoConfigurationTest {

    static final FakeRunflowServer FAKE = FakeRunflowServer.builder().build();

    static final AutoConfigurations RUNFLOW = AutoConfigurations.of(
            RunflowAutoConfiguration.class,
            RunflowMetricsAutoConfiguration.class,
            RunflowWebhookAutoConfiguration.class,
            RunflowWebhookEndpointAutoConfiguration.class,
            RunflowHealthAutoConfiguration.class,
            RunflowActuatorAutoConfiguration.class);

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(RUNFLOW)
            .withPropertyValues("runflow.api-key=rf_test_key", "runflow.base-url=" + FAKE.baseUrl());

    @AfterAll
    static void stopFake() {
        FAKE.close();
    }

    @Test
    void createsAClientFromTheProperties() {
        runner.withPropertyValues(
                        "runflow.organization-id=org_1",
                        "runflow.timeouts.connect=250ms",
                        "runflow.timeouts.read=2m",
                        "runflow.retry.max-attempts=2",
                        "runflow.retry.initial-delay=100ms",
                        "runflow.retry.max-delay=1s",
                        "runflow.poll.initial-interval=200ms",
                        "runflow.poll.max-interval=2s",
                        "runflow.poll.timeout=30s")
                .run(context -> {
                    RunflowOptions options =
                            context.getBean(RunflowClient.class).options();
                    assertThat(options.apiKey()).isEqualTo("rf_test_key");
                    assertThat(options.baseUrl()).isEqualTo(URI.create(FAKE.baseUrl()));
                    assertThat(options.organizationId()).isEqualTo("org_1");
                    assertThat(options.connectTimeout()).isEqualTo(Duration.ofMillis(250));
                    assertThat(options.readTimeout()).isEqualTo(Duration.ofMinutes(2));
                    assertThat(options.retryPolicy().maxAttempts()).isEqualTo(2);
                    assertThat(options.retryPolicy().initialDelay()).isEqualTo(Duration.ofMillis(100));
                    assertThat(options.retryPolicy().maxDelay()).isEqualTo(Duration.ofSeconds(1));
                    assertThat(options.pollPolicy().initialInterval()).isEqualTo(Duration.ofMillis(200));
                    assertThat(options.pollPolicy().maxInterval()).isEqualTo(Duration.ofSeconds(2));
                    assertThat(options.pollPolicy().timeout()).isEqualTo(Duration.ofSeconds(30));
                    assertThat(context.getBean(RunflowClient.class).health().ok())
                            .isTrue();
                });
    }

    @Test
    void leavesEveryUnsetKeyNullSoThatCoresDefaultsApply() {
        new ApplicationContextRunner()
                .withConfiguration(RUNFLOW)
                .withUserConfiguration(OwnClient.class)
                .run(context -> {
                    RunflowProperties properties = context.getBean(RunflowProperties.class);
                    assertThat(properties.enabled()).isTrue();
                    assertThat(properties.apiKey()).isNull();
                    assertThat(properties.baseUrl()).isNull();
                    assertThat(properties.organizationId()).isNull();
                    assertThat(properties.timeouts()).isEqualTo(new RunflowProperties.Timeouts(null, null));
                    assertThat(properties.retry()).isEqualTo(new RunflowProperties.Retry(null, null, null));
                    assertThat(properties.poll()).isEqualTo(new RunflowProperties.Poll(null, null, null));
                    assertThat(properties.webhook())
                            .isEqualTo(new RunflowProperties.Webhook(
                                    null,
                                    List.of(),
                                    null,
                                    null,
                                    null,
                                    new RunflowProperties.Reconcile(null, null, null),
                                    null));
                    assertThat(properties.webhookSettings().path()).isEqualTo("/runflow/webhook");
                    assertThat(properties.webhookSettings().dedup()).isEqualTo(DedupKind.MEMORY);
                    assertThat(properties.health().enabled()).isTrue();
                });
    }

    @Test
    void showsNeitherTheKeyNorTheSecretsInThePropertiesToString() {
        runner.withPropertyValues("runflow.webhook.secrets=whsec_one,whsec_two").run(context -> {
            String text = context.getBean(RunflowProperties.class).toString();
            assertThat(text).doesNotContain("rf_test_key", "whsec_one", "whsec_two");
            assertThat(text).contains("apiKey=***", "secrets=2 (redacted)");
        });
    }

    @Test
    void backsOffWhenTheApplicationHasItsOwnClient() {
        runner.withUserConfiguration(OwnClient.class)
                .run(context ->
                        assertThat(context).getBean(RunflowClient.class).isSameAs(context.getBean("ownClient")));
    }

    @Test
    void appliesTheCustomizersInOrderAfterTheProperties() {
        runner.withPropertyValues("runflow.timeouts.read=5s")
                .withUserConfiguration(Customizers.class)
                .run(context -> assertThat(
                                context.getBean(RunflowClient.class).options().readTimeout())
                        .isEqualTo(Duration.ofSeconds(2)));
    }

    @Test
    void reportsToTheApplicationsObservers() {
        runner.withUserConfiguration(Observing.class).run(context -> {
            context.getBean(RunflowClient.class).health();
            assertThat(context.getBean(Observing.class).attempts)
                    .singleElement()
                    .satisfies(attempt -> assertThat(attempt.endpoint()).isEqualTo("GET /v1/health"));
        });
    }

    @Test
    void closesTheClientWithTheContext() {
        AtomicBoolean closed = new AtomicBoolean();
        RunflowTransport feign =
                ServiceLoader.load(RunflowTransport.class).findFirst().orElseThrow();
        RunflowClientCustomizer recordingClose = builder -> builder.transport(options -> {
            io.runflow.RunflowApi api = feign.create(options);
            return (io.runflow.RunflowApi) Proxy.newProxyInstance(
                    getClass().getClassLoader(), new Class<?>[] {io.runflow.RunflowApi.class}, (p, method, args) -> {
                        if (method.getName().equals("close")) {
                            closed.set(true);
                        }
                        return method.invoke(api, args);
                    });
        });
        runner.withBean(RunflowClientCustomizer.class, () -> recordingClose).run(context -> {
            // Made on first use (see makesTheClientOnFirstUse), then closed with the context.
            context.getBean(RunflowClient.class);
            assertThat(closed).isFalse();
        });
        assertThat(closed).isTrue();
    }

    @Test
    void makesTheClientOnFirstUseAfterCheckingItsPropertiesAtStart() {
        AtomicBoolean made = new AtomicBoolean();
        runner.withBean(RunflowClientCustomizer.class, () -> builder -> made.set(true))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBeanFactory().containsBeanDefinition("runflowClient"))
                            .isTrue();
                    assertThat(made).isFalse();
                    context.getBean(RunflowClient.class);
                    assertThat(made).isTrue();
                });
    }

    @Test
    void removesEverythingWhenDisabled() {
        runner.withPropertyValues("runflow.enabled=false", "runflow.webhook.secrets=whsec_x")
                .run(context -> assertThat(context)
                        .hasNotFailed()
                        .doesNotHaveBean(RunflowProperties.class)
                        .doesNotHaveBean(RunflowClient.class)
                        .doesNotHaveBean(WebhookVerifier.class)
                        .doesNotHaveBean(WebhookEndpoint.class)
                        .doesNotHaveBean("runflowHealthIndicator")
                        .doesNotHaveBean("runflowSanitizingFunction"));
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnClient {
        @Bean
        RunflowClient ownClient() {
            return RunflowClient.builder()
                    .apiKey("rf_own")
                    .baseUrl(FAKE.baseUrl())
                    .build();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Customizers {
        @Bean
        @Order(2)
        RunflowClientCustomizer second() {
            return builder -> builder.readTimeout(Duration.ofSeconds(2));
        }

        @Bean
        @Order(1)
        RunflowClientCustomizer first() {
            return builder -> builder.readTimeout(Duration.ofSeconds(1));
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Observing {
        final List<HttpAttempt> attempts = new CopyOnWriteArrayList<>();

        @Bean
        RunflowObserver recorder() {
            return new RunflowObserver() {
                @Override
                public void onHttpAttempt(HttpAttempt attempt) {
                    attempts.add(attempt);
                }
            };
        }
    }
}
