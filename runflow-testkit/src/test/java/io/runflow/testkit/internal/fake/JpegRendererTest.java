package io.runflow.testkit.internal.fake;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JpegRendererTest {

    @Test
    void keepsAtMostTheLatestImages() {
        JpegRenderer renderer = new JpegRenderer();
        for (int seed = 0; seed < JpegRenderer.MAX_CACHED + 5; seed++) {
            renderer.render(seed, 2, 2);
        }

        assertThat(renderer.cached()).isEqualTo(JpegRenderer.MAX_CACHED);
    }

    @Test
    void returnsTheSameBytesForTheSameSeedAfterEviction() {
        JpegRenderer renderer = new JpegRenderer();
        byte[] first = renderer.render(7, 4, 3);
        for (int seed = 100; seed < 100 + JpegRenderer.MAX_CACHED; seed++) {
            renderer.render(seed, 2, 2);
        }

        assertThat(renderer.render(7, 4, 3)).isEqualTo(first);
    }

    @Test
    void clearForgetsEveryImage() {
        JpegRenderer renderer = new JpegRenderer();
        renderer.render(1, 2, 2);
        renderer.clear();

        assertThat(renderer.cached()).isZero();
    }
}
