package io.runflow.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runflow.model.RunRequest;
import org.junit.jupiter.api.Test;

class FluxProUltraTest {

    @Test
    void buildsARequestForTheUltraModelWithPromptAndSeed() {
        RunRequest request =
                FluxProUltra.input("a serene japanese garden").seed(42).toRequest();

        assertThat(request.modelId()).isEqualTo("black-forest-labs/flux-1-1-pro-ultra");
        assertThat(request.input().toString()).isEqualTo("{\"prompt\":\"a serene japanese garden\",\"seed\":42}");
    }

    @Test
    void leavesTheSeedOutWhenNotGiven() {
        assertThat(FluxProUltra.input("a fox").toRequest().input().get("seed").isPresent())
                .isFalse();
    }

    @Test
    void acceptsSeedZero() {
        assertThat(FluxProUltra.input("a fox").seed(0).seed()).isZero();
    }

    @Test
    void rejectsABlankPrompt() {
        assertThatThrownBy(() -> FluxProUltra.input("  "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("prompt must not be blank");
    }

    @Test
    void rejectsANegativeSeed() {
        assertThatThrownBy(() -> FluxProUltra.input("a fox").seed(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("seed must not be negative, got -1");
    }

    @Test
    void isImmutable() {
        FluxProUltra.Input base = FluxProUltra.input("a fox");
        FluxProUltra.Input seeded = base.seed(7);

        assertThat(base.seed()).isNull();
        assertThat(seeded.seed()).isEqualTo(7L);
    }
}
