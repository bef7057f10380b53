package io.runflow.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ImageSizeTest {

    @Test
    void outputImageSizeAcceptsUpTo8192PerSide() {
        assertThat(FakeRunflowServer.builder().outputImageSize(8192, 8192)).isNotNull();
    }

    @Test
    void outputImageSizeRejectsMoreThan8192PerSide() {
        assertThatThrownBy(() -> FakeRunflowServer.builder().outputImageSize(8193, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("image size must be at most 8192x8192: 8193x10");
        assertThatThrownBy(() -> FakeRunflowServer.builder().outputImageSize(10, 100_000))
                .hasMessage("image size must be at most 8192x8192: 10x100000");
    }

    @Test
    void modelSizeIsCappedLikewise() {
        assertThatThrownBy(() -> FakeModel.image("acme/huge", 8193, 8193, "prompt"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("image size must be at most 8192x8192: 8193x8193");
    }

    @Test
    void standaloneImageSizeIsCappedWithTheSameMessage() {
        assertThatThrownBy(() -> Standalone.parse(new String[] {"--image-size", "100000x100000"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("image size must be at most 8192x8192: 100000x100000");
    }

    @Test
    void resetForgetsTheRenderedImages() {
        try (FakeRunflowServer server = FakeRunflowServer.builder()
                .deterministic()
                .outputImageSize(4, 4)
                .build()) {
            Http http = new Http(server);
            String id = http.createFlux("");
            server.advance(Duration.ofSeconds(1));
            assertThat(http.get("/files/" + id + "/0.jpg").status()).isEqualTo(200);
            assertThat(server.cachedImages()).isEqualTo(1);

            server.reset();

            assertThat(server.cachedImages()).isZero();
        }
    }
}
