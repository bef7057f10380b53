package io.runflow.testkit.internal.fake;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class JpegRendererTest {

    @Test
    void keepsAtMostTheLatestImages() {
        JpegRenderer renderer = new JpegRenderer();
        for (int seed = 0; seed < JpegRenderer.MAX_CACHED + 5; seed++) {
            renderer.render("fox", seed, 2, 2);
        }

        assertThat(renderer.cached()).isEqualTo(JpegRenderer.MAX_CACHED);
    }

    @Test
    void returnsTheSameBytesForTheSameSeedAfterEviction() {
        JpegRenderer renderer = new JpegRenderer();
        byte[] first = renderer.render("fox", 7, 4, 3);
        for (int seed = 100; seed < 100 + JpegRenderer.MAX_CACHED; seed++) {
            renderer.render("fox", seed, 2, 2);
        }

        assertThat(renderer.render("fox", 7, 4, 3)).isEqualTo(first);
    }

    @Test
    void clearForgetsEveryImage() {
        JpegRenderer renderer = new JpegRenderer();
        renderer.render("fox", 1, 2, 2);
        renderer.clear();

        assertThat(renderer.cached()).isZero();
    }

    @Test
    void writesThePromptTheSeedAndWhatItIsOnTheImage() throws Exception {
        JpegRenderer renderer = new JpegRenderer();

        BufferedImage captioned = ImageIO.read(new ByteArrayInputStream(renderer.render("a red fox", 42, 800, 400)));
        BufferedImage other = ImageIO.read(new ByteArrayInputStream(renderer.render("a blue whale", 42, 800, 400)));

        assertThat(captioned.getWidth()).isEqualTo(800);
        assertThat(captioned.getHeight()).isEqualTo(400);
        assertThat(differingPixels(captioned, other)).isGreaterThan(500);
        assertThat(renderer.render("a red fox", 42, 800, 400)).isEqualTo(renderer.render("a red fox", 42, 800, 400));
    }

    @Test
    void drawsTinyAndHugePromptsWithoutFailing() {
        JpegRenderer renderer = new JpegRenderer();

        assertThat(renderer.render("x".repeat(10_000), 1, 1, 1)).isNotEmpty();
        assertThat(renderer.render("", 1, 16, 9)).isNotEmpty();
    }

    private static int differingPixels(BufferedImage a, BufferedImage b) {
        int count = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                if (a.getRGB(x, y) != b.getRGB(x, y)) {
                    count++;
                }
            }
        }
        return count;
    }
}
