package io.runflow.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BatchInputTest {

    @Test
    void rejectsAnInputThatCarriesItsOwnClientRef() {
        ObjectNode input = JsonNodeFactory.instance.objectNode().put("client_ref", "x");
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
        assertThatThrownBy(() -> BatchInput.of(JsonNodeFactory.instance.textNode("p")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("input must be a JSON object, got STRING");
        ObjectNode input = JsonNodeFactory.instance.objectNode().put("prompt", "p");
        assertThat(BatchInput.of(input).input()).isEqualTo(input);
    }

    @Test
    void ofTypedInputTakesItsInput() {
        ModelInput fox = () -> RunRequest.of("m/fox", Map.of("prompt", "a fox"));
        BatchInput item = BatchInput.of(fox);
        assertThat(item.input().get("prompt").asText()).isEqualTo("a fox");
        assertThat(item.clientRef()).isNull();
    }

    @Test
    void toJsonAddsTheClientRefOnlyWhenSet() {
        BatchInput item = BatchInput.of(Map.of("prompt", "p"));
        assertThat(item.toJson())
                .isEqualTo(JsonNodeFactory.instance.objectNode().put("prompt", "p"));
        assertThat(item.withClientRef("sku-01").toJson())
                .isEqualTo(
                        JsonNodeFactory.instance.objectNode().put("prompt", "p").put("client_ref", "sku-01"));
    }

    @Test
    void isImmutableEvenThroughItsJsonTree() {
        ObjectNode input = JsonNodeFactory.instance.objectNode().put("prompt", "p");
        BatchInput item = BatchInput.of(input);
        input.put("prompt", "changed");
        item.input().put("prompt", "changed");
        item.toJson().put("prompt", "changed");
        assertThat(item.input().get("prompt").asText()).isEqualTo("p");
    }
}
