package io.runflow.springai;

import static org.assertj.core.api.Assertions.assertThat;

import io.runflow.testkit.FakeRunflowServer;
import io.runflow.testkit.spring.EnableRunflowFake;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.ai.image.ImageModel;
import org.springframework.ai.image.ImagePrompt;
import org.springframework.ai.image.ImageResponse;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;

/** The "done when": a Boot application with the fake gets a Runflow {@link ImageModel}. */
@SpringBootTest(properties = "runflow.poll.initial-interval=20ms")
@EnableRunflowFake
class RunflowImageModelBootTest {

    @SpringBootApplication
    static class App {}

    @Autowired
    ImageModel imageModel;

    @Autowired
    FakeRunflowServer server;

    @Test
    void generatesOneImageWhoseUrlServesAJpeg() {
        // snippet:start spring-ai
        ImageResponse response = imageModel.call(new ImagePrompt("a red fox")); // the starter's ImageModel bean
        String url = response.getResult().getOutput().getUrl();
        // snippet:end spring-ai
        assertThat(Jpegs.isJpeg(Jpegs.get(url))).isTrue();

        assertThat(response.getResults())
                .singleElement()
                .satisfies(generation -> assertThat(
                                Jpegs.isJpeg(Jpegs.get(generation.getOutput().getUrl())))
                        .isTrue());
    }

    @Test
    void generatesTwoImagesAsOneBatch() {
        ImageResponse response = imageModel.call(new ImagePrompt("a red fox", PortableOptions.n(2)));

        assertThat(response.getResults()).hasSize(2);
        assertThat(server.requests())
                .filteredOn(r -> r.method().equals("POST") && r.path().endsWith("/batches"))
                .hasSize(1);
    }

    @Test
    void returnsBase64JpegsForB64Json() {
        ImageResponse response =
                imageModel.call(new ImagePrompt("a red fox", PortableOptions.responseFormat("b64_json")));

        assertThat(Jpegs.isJpeg(Base64.getDecoder()
                        .decode(response.getResult().getOutput().getB64Json())))
                .isTrue();
    }
}
