package io.runflow.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ModelIdsTest {

    @Test
    void keepsSlashesBetweenSegmentsAndEncodesEachSegment() {
        assertThat(ModelIds.toPath("black-forest-labs/flux-1-1-pro-ultra"))
                .isEqualTo("black-forest-labs/flux-1-1-pro-ultra");
        assertThat(ModelIds.toPath("bytedance/seedance/2.0/fast/text-to-video"))
                .isEqualTo("bytedance/seedance/2.0/fast/text-to-video");
        assertThat(ModelIds.toPath("owner/a b?c#d%e")).isEqualTo("owner/a%20b%3Fc%23d%25e");
        assertThat(ModelIds.toPath("owner/ünï~x")).isEqualTo("owner/%C3%BCn%C3%AF~x");
    }
}
