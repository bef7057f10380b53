package io.runflow.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.data.image.Image;
import dev.langchain4j.model.batch.BatchItemResult;
import dev.langchain4j.model.batch.BatchPagination;
import dev.langchain4j.model.batch.BatchRequest;
import dev.langchain4j.model.batch.BatchResponse;
import dev.langchain4j.model.batch.BatchState;
import dev.langchain4j.model.output.Response;
import io.runflow.RunflowClient;
import io.runflow.errors.RunFailedException;
import io.runflow.model.Asset;
import io.runflow.testkit.FakeRun;
import io.runflow.testkit.FakeRunflowServer;
import io.runflow.testkit.Outcome;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RunflowImageModelTest {

    FakeRunflowServer server;
    RunflowClient client;
    RunflowImageModel model;

    @BeforeEach
    void start() {
        server = FakeRunflowServer.builder().build();
        client = server.clientBuilder().build();
        model = RunflowImageModel.builder().client(client).build();
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    static byte[] get(String url) throws IOException, InterruptedException {
        return HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray())
                .body();
    }

    static boolean isJpeg(byte[] bytes) {
        return bytes.length > 3 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xd8;
    }

    @Test
    void generatesAnImageWhoseUrlServesAJpeg() throws Exception {
        // snippet:start langchain4j
        RunflowImageModel model = RunflowImageModel.builder().client(client).build(); // FLUX 1.1 [pro] Ultra
        Response<Image> response = model.generate("a red fox");
        // snippet:end langchain4j

        Image image = response.content();
        assertThat(image.mimeType()).isEqualTo("image/jpeg");
        assertThat(isJpeg(get(image.url().toString()))).isTrue();
        FakeRun run = server.runs().get(0);
        assertThat(run.model()).isEqualTo("black-forest-labs/flux-1-1-pro-ultra");
        assertThat(response.metadata())
                .containsEntry(RunflowImageModel.RUN_ID, run.id())
                .containsEntry(RunflowImageModel.SEED, run.seed())
                .containsEntry(RunflowImageModel.COST, new BigDecimal("0.06"));
    }

    @Test
    void generatesSeveralImagesAsOneBatch() {
        Response<List<Image>> response = model.generate("a red fox", 3);

        assertThat(response.content())
                .hasSize(3)
                .allSatisfy(image -> assertThat(image.url()).isNotNull());
        assertThat(server.requests())
                .filteredOn(r -> r.method().equals("POST") && r.path().endsWith("/batches"))
                .hasSize(1);
        assertThat(response.metadata()).containsKey(RunflowImageModel.BATCH_ID);
    }

    @Test
    void generatesOneImageOfNOneWithoutABatch() {
        assertThat(model.generate("a red fox", 1).content()).hasSize(1);
        assertThat(server.requests()).noneMatch(r -> r.path().endsWith("/batches"));
    }

    @Test
    void rejectsNOutsideOneToAHundred() {
        assertThatThrownBy(() -> model.generate("a red fox", 0)).hasMessage("n must be 1 to 100, got 0");
        assertThatThrownBy(() -> model.generate("a red fox", 101)).hasMessage("n must be 1 to 100, got 101");
    }

    @Test
    void sendsTheModelAndItsInputs() {
        RunflowImageModel custom = RunflowImageModel.builder()
                .client(client)
                .model("runflow/object-removal/prompt")
                .input("image_url", "https://example.com/cat.jpg")
                .input("seed", 42)
                .build();

        custom.generate("remove the cat");

        FakeRun run = server.runs().get(0);
        assertThat(run.model()).isEqualTo("runflow/object-removal/prompt");
        assertThat(run.seed()).isEqualTo(42L);
    }

    @Test
    void editsAnImageByUrlWithKontext() {
        Response<Image> response =
                model.edit(Image.builder().url("https://example.com/fox.jpg").build(), "make the fox blue");

        FakeRun run = server.runs().get(0);
        assertThat(run.model()).isEqualTo("black-forest-labs/flux-pro/kontext");
        assertThat(run.input().path("image_url").asString()).contains("https://example.com/fox.jpg");
        assertThat(run.input().path("prompt").asString()).contains("make the fox blue");
        assertThat(response.metadata()).containsEntry(RunflowImageModel.COST, new BigDecimal("0.04"));
        assertThat(server.assetIds()).isEmpty();
    }

    @Test
    void uploadsBase64ImageDataAsAnAssetBeforeEditing() throws Exception {
        byte[] jpeg = get(model.generate("a red fox").content().url().toString());

        model.edit(
                Image.builder()
                        .base64Data(Base64.getEncoder().encodeToString(jpeg))
                        .mimeType("image/jpeg")
                        .build(),
                "make the fox blue");

        assertThat(server.assetIds()).hasSize(1);
        FakeRun edit = server.runs().get(1);
        assertThat(edit.input().path("image_url").asString())
                .contains(Asset.REF_PREFIX + server.assetIds().get(0));
    }

    @Test
    void refusesToEditWithAMask() {
        Image image = Image.builder().url("https://example.com/fox.jpg").build();

        assertThatThrownBy(() -> model.edit(image, image, "make the fox blue"))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageStartingWith("Runflow has no image model that takes a mask yet");
    }

    @Test
    void failsWithTheFailedRun() {
        server.onNextRun(Outcome.fail("PROVIDER_ERROR", "inference", "GPU on fire"));

        assertThatThrownBy(() -> model.generate("a red fox"))
                .isInstanceOfSatisfying(
                        RunFailedException.class,
                        e -> assertThat(e.run().id())
                                .isEqualTo(server.runs().get(0).id()));
    }

    @Test
    void submitsABatchAndRetrievesItsImagesOnceFinished() {
        BatchResponse<Response<Image>> submitted =
                model.submit(new BatchRequest<>(List.of("a red fox", "a grey wolf")));

        assertThat(submitted.batchId()).isNotBlank();
        assertThat(submitted.state().isTerminal()).isFalse();
        assertThat(submitted.results()).isEmpty();

        server.advance(Duration.ofSeconds(5));
        BatchResponse<Response<Image>> retrieved = model.retrieve(submitted.batchId());

        assertThat(retrieved.state()).isEqualTo(BatchState.SUCCEEDED);
        assertThat(retrieved.results()).hasSize(2).allMatch(BatchItemResult::isSuccess);
        assertThat(retrieved.responses())
                .allSatisfy(
                        r -> assertThat(r.metadata()).containsEntry(RunflowImageModel.BATCH_ID, submitted.batchId()));
    }

    @Test
    void retrievesAFailedItemAsAnError() {
        server.onNextRun(Outcome.succeed());
        server.onNextRun(Outcome.fail("PROVIDER_ERROR", "inference", "GPU on fire"));
        String batchId = model.submit(new BatchRequest<>(List.of("a red fox", "a grey wolf")))
                .batchId();
        server.advance(Duration.ofSeconds(5));

        BatchResponse<Response<Image>> retrieved = model.retrieve(batchId);

        assertThat(retrieved.results())
                .filteredOn(r -> !r.isSuccess())
                .singleElement()
                .satisfies(r -> assertThat(r.error().message()).contains("PROVIDER_ERROR"));
    }

    @Test
    void cannotCancelOrListBatches() {
        assertThatThrownBy(() -> model.cancel("b1"))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessage("Runflow's API has no batch cancel endpoint");
        assertThatThrownBy(() -> model.list(new BatchPagination(10, null)))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void needsAClient() {
        assertThatThrownBy(() -> RunflowImageModel.builder().build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("client is required");
    }
}
