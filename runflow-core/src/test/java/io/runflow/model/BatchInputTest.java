package io.runflow.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class BatchInputTest {

    @Test
    void rejectsAnInputThatCarriesItsOwnClientRef() {
        JsonValue.JsonObject input = JsonValue.object(Map.of("client_ref", "x"));
        assertThatThrownBy(() -> new BatchInput(input, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("input must not contain client_ref; give it with withClientRef(..) instead");
    }

    @Test
    void acceptsAClientRefOf255CharactersAndRejects256() {
        BatchInput item = BatchInput.of(Map.of("prompt", "p"));
        assertThat(item.withClientRef("r".repeat(255)).clientRef()).hasSize(255);
        assertThatThrownBy(() -> item.withClientRef("r".repeat(256)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("clientRef must be at most 255 characters, got 256");
    }

    @Test
    void ofJsonRequiresAnObject() {
        assertThatThrownBy(() -> BatchInput.of(new JsonValue.JsonString("p")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("input must be a JSON object, got string");
        JsonValue input = JsonValue.object(Map.of("prompt", "p"));
        assertThat(BatchInput.of(input).input()).isEqualTo(input);
    }

    @Test
    void ofTypedInputTakesItsInput() {
        ModelInput fox = () -> RunRequest.of("m/fox", Map.of("prompt", "a fox"));
        BatchInput item = BatchInput.of(fox);
        assertThat(item.input().path("prompt").asString().orElseThrow()).isEqualTo("a fox");
        assertThat(item.clientRef()).isNull();
    }

    @Test
    void toWireAddsTheClientRefOnlyWhenSet() {
        BatchInput item = BatchInput.of(Map.of("prompt", "p"));
        assertThat(item.toWire()).isEqualTo(JsonValue.object(Map.of("prompt", "p")));
        assertThat(item.withClientRef("sku-01").toWire().toJson())
                .isEqualTo("{\"prompt\":\"p\",\"client_ref\":\"sku-01\"}");
    }

    @Test
    void sharesItsImmutableInput() {
        JsonValue input = JsonValue.object(Map.of("prompt", "p"));
        BatchInput item = BatchInput.of(input);
        assertThat(item.input()).isSameAs(input);
        assertThat(item.toWire()).isSameAs(input);
    }
}
