package io.runflow.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runflow.model.RunRequest;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
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

    @Test
    void readsAnInputFromItsJsonForm() {
        Map<String, Object> fields = new HashMap<>();
        fields.put("prompt", "a fox");
        fields.put("seed", 42);
        fields.put("ignored", "x");

        assertThat(FluxProUltra.input(fields))
                .isEqualTo(FluxProUltra.input("a fox").seed(42));
        assertThat(FluxProUltra.input(Map.of("prompt", "a fox", "seed", new BigInteger("7")))
                        .seed())
                .isEqualTo(7L);
        assertThat(FluxProUltra.input(Map.of("prompt", "a fox", "seed", 3.0)).seed())
                .isEqualTo(3L);
        assertThat(FluxProUltra.input(Map.of("prompt", "a fox", "seed", 0L)).seed())
                .isZero();
        assertThat(FluxProUltra.input(Map.of("prompt", "a fox")).seed()).isNull();
    }

    @Test
    void namesTheFieldOfAnInputThatCannotBeRead() {
        String wholeNumber = "seed must be a whole number from 0 to 9223372036854775807";
        assertThatThrownBy(() -> FluxProUltra.input(Map.of())).hasMessage("prompt is required");
        assertThatThrownBy(() -> FluxProUltra.input(Map.of("prompt", 1))).hasMessage("prompt must be a string");
        assertThatThrownBy(() -> FluxProUltra.input(Map.of("prompt", " "))).hasMessage("prompt must not be blank");
        assertThatThrownBy(() -> FluxProUltra.input(Map.of("prompt", "fox", "seed", -1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("seed must not be negative, got -1");
        assertThatThrownBy(() -> FluxProUltra.input(Map.of("prompt", "fox", "seed", "abc")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(wholeNumber);
        assertThatThrownBy(() -> FluxProUltra.input(Map.of("prompt", "fox", "seed", 1.5)))
                .hasMessage(wholeNumber);
        assertThatThrownBy(() -> FluxProUltra.input(Map.of("prompt", "fox", "seed", Double.NaN)))
                .hasMessage(wholeNumber);
        assertThatThrownBy(() -> FluxProUltra.input(Map.of("prompt", "fox", "seed", true)))
                .hasMessage(wholeNumber);
        assertThatThrownBy(() -> FluxProUltra.input(Map.of("prompt", "fox", "seed", new BigInteger("9".repeat(30)))))
                .hasMessage(wholeNumber);
    }
}
