package io.runflow.springai;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import io.runflow.spring.RunflowAutoConfiguration;
import io.runflow.testkit.FakeRunflowServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.ai.image.ImageModel;
import org.springframework.ai.image.ImagePrompt;
import org.springframework.ai.image.ImageResponse;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class RunflowImageAutoConfigurationTest {

    static FakeRunflowServer server;

    ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(
                    AutoConfigurations.of(RunflowAutoConfiguration.class, RunflowImageAutoConfiguration.class))
            .withPropertyValues(
                    "runflow.api-key=" + server.apiKey(),
                    "runflow.base-url=" + server.baseUrl(),
                    "runflow.poll.initial-interval=20ms");

    @BeforeAll
    static void start() {
        server = FakeRunflowServer.builder().build();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void configuresRunflowAsTheImageModelWhenNoProviderIsChosen() {
        runner.run(context -> assertThat(context).getBean(ImageModel.class).isInstanceOf(RunflowImageModel.class));
    }

    @Test
    void configuresRunflowAsTheImageModelWhenChosen() {
        runner.withPropertyValues("spring.ai.model.image=runflow")
                .run(context -> assertThat(context).hasSingleBean(RunflowImageModel.class));
    }

    @Test
    void backsOffWhenAnotherProviderIsChosen() {
        runner.withPropertyValues("spring.ai.model.image=openai")
                .run(context -> assertThat(context).doesNotHaveBean(ImageModel.class));
    }

    @Test
    void backsOffForTheApplicationsOwnImageModel() {
        runner.withUserConfiguration(OwnImageModel.class).run(context -> {
            assertThat(context).doesNotHaveBean(RunflowImageModel.class);
            assertThat(context).getBean(ImageModel.class).isSameAs(OwnImageModel.MODEL);
        });
    }

    @Test
    void backsOffWithoutARunflowClient() {
        runner.withPropertyValues("runflow.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(ImageModel.class));
    }

    @Test
    void takesItsDefaultOptionsFromTheProperties() {
        runner.withPropertyValues(
                        "runflow.ai.image.model=runflow/object-removal/prompt",
                        "runflow.ai.image.n=2",
                        "runflow.ai.image.seed=42",
                        "runflow.ai.image.response-format=b64_json",
                        "runflow.ai.image.inputs.image_url=https://example.com/cat.jpg",
                        "runflow.ai.image.callback-url=https://app.example.com/runflow/webhook")
                .run(context -> {
                    RunflowImageModel model = context.getBean(RunflowImageModel.class);
                    assertThat(model.defaultOptions())
                            .isEqualTo(RunflowImageOptions.builder()
                                    .model("runflow/object-removal/prompt")
                                    .n(2)
                                    .seed(42)
                                    .responseFormat("b64_json")
                                    .input("image_url", "https://example.com/cat.jpg")
                                    .build());
                    assertThat(model.toString()).contains("callbackUrl=https://app.example.com/runflow/webhook");
                });
    }

    @Test
    void isObservedInTheApplicationsObservationRegistry() {
        runner.withBean(TestObservationRegistry.class, TestObservationRegistry::create)
                .run(context -> {
                    ImageResponse response = context.getBean(ImageModel.class).call(new ImagePrompt("a red fox"));

                    assertThat(response.getResults()).hasSize(1);
                    TestObservationRegistryAssert.assertThat(context.getBean(TestObservationRegistry.class))
                            .hasObservationWithNameEqualTo("gen_ai.client.operation")
                            .that()
                            .hasLowCardinalityKeyValue("gen_ai.system", "runflow");
                });
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnImageModel {
        static final ImageModel MODEL = prompt -> {
            throw new UnsupportedOperationException();
        };

        @Bean
        ImageModel ownImageModel() {
            return MODEL;
        }
    }
}
