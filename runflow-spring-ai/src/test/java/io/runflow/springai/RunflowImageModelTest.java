package io.runflow.springai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import io.runflow.RunflowClient;
import io.runflow.errors.RunFailedException;
import io.runflow.testkit.FakeRun;
import io.runflow.testkit.FakeRunflowServer;
import io.runflow.testkit.Outcome;
import java.math.BigDecimal;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.ai.image.ImagePrompt;
import org.springframework.ai.image.ImageResponse;

class RunflowImageModelTest {

    FakeRunflowServer server;
    RunflowClient client;

    @BeforeEach
    void start() {
        server = FakeRunflowServer.builder().build();
        client = server.clientBuilder().build();
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private static ImagePrompt prompt(RunflowImageOptions options) {
        return new ImagePrompt("a red fox", options);
    }

    @Test
    void generatesOneImageWhoseUrlServesAJpeg() {
        ImageResponse response = new RunflowImageModel(client).call(new ImagePrompt("a red fox"));

        assertThat(response.getResults()).hasSize(1);
        assertThat(Jpegs.isJpeg(Jpegs.get(response.getResult().getOutput().getUrl())))
                .isTrue();
        assertThat(response.getResult().getOutput().getB64Json()).isNull();
        FakeRun run = server.runs().get(0);
        assertThat(run.model()).isEqualTo("black-forest-labs/flux-1-1-pro-ultra");
        assertThat(run.input().path("prompt").asString()).contains("a red fox");
        assertThat((String) response.getMetadata().get(RunflowImageModel.RUN_ID))
                .isEqualTo(run.id());
    }

    @Test
    void reportsRunSeedCostAndDurationPerGeneration() {
        ImageResponse response = new RunflowImageModel(client)
                .call(prompt(RunflowImageOptions.builder().seed(42).build()));

        var metadata = (RunflowImageGenerationMetadata) response.getResult().getMetadata();
        assertThat(metadata.runId()).isEqualTo(server.runs().get(0).id());
        assertThat(metadata.seed()).contains(42L);
        assertThat(metadata.cost()).contains(new BigDecimal("0.06"));
        assertThat(metadata.duration()).isPresent();
    }

    @Test
    void generatesNImagesAsOneBatchWithConsecutiveSeeds() {
        ImageResponse response = new RunflowImageModel(client)
                .call(prompt(RunflowImageOptions.builder().n(3).seed(7).build()));

        assertThat(response.getResults()).hasSize(3);
        assertThat(server.requests())
                .filteredOn(r -> r.method().equals("POST") && r.path().endsWith("/batches"))
                .hasSize(1);
        assertThat(server.runs()).extracting(FakeRun::seed).containsExactlyInAnyOrder(7L, 8L, 9L);
        assertThat(response.getResults())
                .extracting(g -> ((RunflowImageGenerationMetadata) g.getMetadata())
                        .seed()
                        .orElseThrow())
                .containsExactly(7L, 8L, 9L);
        assertThat((String) response.getMetadata().get(RunflowImageModel.BATCH_ID))
                .isNotBlank();
    }

    @Test
    void returnsTheDownloadedImageBase64EncodedForB64Json() {
        ImageResponse response = new RunflowImageModel(client)
                .call(prompt(RunflowImageOptions.builder()
                        .responseFormat(RunflowImageOptions.B64_JSON)
                        .build()));

        String b64 = response.getResult().getOutput().getB64Json();
        assertThat(Jpegs.isJpeg(Base64.getDecoder().decode(b64))).isTrue();
        assertThat(response.getResult().getOutput().getUrl()).isNull();
    }

    @Test
    void sendsTheModelAndItsFurtherInputs() {
        new RunflowImageModel(client)
                .call(prompt(RunflowImageOptions.builder()
                        .model("runflow/object-removal/prompt")
                        .input("image_url", "https://example.com/cat.jpg")
                        .build()));

        FakeRun run = server.runs().get(0);
        assertThat(run.model()).isEqualTo("runflow/object-removal/prompt");
        assertThat(run.input().path("image_url").asString()).contains("https://example.com/cat.jpg");
    }

    @Test
    void mergesRuntimeOptionsOverTheDefaults() {
        RunflowImageOptions defaults = RunflowImageOptions.builder()
                .seed(1)
                .input("aspect_ratio", "16:9")
                .input("output_format", "jpeg")
                .build();
        RunflowImageModel model = new RunflowImageModel(client, defaults, null, TestObservationRegistry.create(), null);

        model.call(prompt(RunflowImageOptions.builder()
                .seed(5)
                .input("aspect_ratio", "1:1")
                .build()));

        FakeRun run = server.runs().get(0);
        assertThat(run.seed()).isEqualTo(5L);
        assertThat(run.input().path("aspect_ratio").asString()).contains("1:1");
        assertThat(run.input().path("output_format").asString()).contains("jpeg");
    }

    @Test
    void takesSpringAiPortableOptions() {
        ImageResponse response = new RunflowImageModel(client)
                .call(new ImagePrompt(
                        "a red fox", new PortableOptions(2, "black-forest-labs/flux-1-1-pro-ultra", null)));

        assertThat(response.getResults()).hasSize(2);
    }

    @Test
    void failsWithTheFailedRun() {
        server.onNextRun(Outcome.fail("PROVIDER_ERROR", "inference", "GPU on fire"));

        assertThatThrownBy(() -> new RunflowImageModel(client).call(new ImagePrompt("a red fox")))
                .isInstanceOfSatisfying(
                        RunFailedException.class,
                        e -> assertThat(e.run().id())
                                .isEqualTo(server.runs().get(0).id()));
    }

    @Test
    void failsABatchWithItsFailedItemsRun() {
        server.onNextRun(Outcome.succeed());
        server.onNextRun(Outcome.fail("PROVIDER_ERROR", "inference", "GPU on fire"));

        assertThatThrownBy(() -> new RunflowImageModel(client)
                        .call(prompt(RunflowImageOptions.builder().n(2).build())))
                .isInstanceOfSatisfying(
                        RunFailedException.class,
                        e -> assertThat(e.run().status().name()).isEqualTo("FAILED"));
    }

    @Test
    void rejectsWidthHeightAndStyleNamingTheOption() {
        RunflowImageModel model = new RunflowImageModel(client);

        for (String option : List.of("width", "height", "style")) {
            RunflowImageOptions.Builder options = RunflowImageOptions.builder();
            switch (option) {
                case "width" -> options.width(1024);
                case "height" -> options.height(768);
                default -> options.style("vivid");
            }
            assertThatThrownBy(() -> model.call(prompt(options.build())))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith(option + " is not supported by Runflow's image models");
        }
        assertThat(server.runs()).isEmpty();
    }

    @Test
    void rejectsAnUnknownResponseFormatAndNOutsideOneToAHundred() {
        RunflowImageModel model = new RunflowImageModel(client);

        assertThatThrownBy(() -> model.call(prompt(
                        RunflowImageOptions.builder().responseFormat("png").build())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("responseFormat must be url or b64_json, got png");
        assertThatThrownBy(() ->
                        model.call(prompt(RunflowImageOptions.builder().n(0).build())))
                .hasMessage("n must be 1 to 100, got 0");
        assertThatThrownBy(() ->
                        model.call(prompt(RunflowImageOptions.builder().n(101).build())))
                .hasMessage("n must be 1 to 100, got 101");
    }

    @Test
    void rejectsPromptAndSeedAsInputs() {
        assertThatThrownBy(() -> RunflowImageOptions.builder().input("seed", 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("seed is set by the prompt and seed(..), not as an input: input(\"seed\", ..)");
    }

    @Test
    void isObservedAsASpringAiImageModelOperationOfProviderRunflow() {
        TestObservationRegistry registry = TestObservationRegistry.create();
        RunflowImageModel model =
                new RunflowImageModel(client, RunflowImageOptions.builder().build(), null, registry, null);

        model.call(new ImagePrompt("a red fox"));

        TestObservationRegistryAssert.assertThat(registry)
                .hasObservationWithNameEqualTo("gen_ai.client.operation")
                .that()
                .hasLowCardinalityKeyValue("gen_ai.system", "runflow")
                .hasLowCardinalityKeyValue("gen_ai.request.model", "black-forest-labs/flux-1-1-pro-ultra")
                .hasBeenStarted()
                .hasBeenStopped();
    }
}
