package io.runflow.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelTest {

    private static ModelInputDefinition input(String name, boolean required, JsonNode defaultValue) {
        return new ModelInputDefinition(
                "in_" + name, name, null, null, "string", required, defaultValue, null, null, null, 0, false, null);
    }

    private static Model model(List<ModelInputDefinition> inputs) {
        return new Model("mdl_1", "m/x", "X", null, "active", true, inputs, null, null, null);
    }

    @Test
    void requiresAnId() {
        assertThatThrownBy(() -> new Model(null, null, null, null, null, null, null, null, null, null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("id");
    }

    @Test
    void absentListsAreEmptyAndAbsentRawMissing() {
        Model model = model(null);
        assertThat(model.inputs()).isEmpty();
        assertThat(model.outputs()).isEmpty();
        assertThat(model.raw().isMissingNode()).isTrue();
    }

    @Test
    void copiesItsLists() {
        List<ModelInputDefinition> inputs = new ArrayList<>(List.of(input("prompt", true, null)));
        List<ModelOutputDefinition> outputs = new ArrayList<>(
                List.of(new ModelOutputDefinition(null, "image", null, null, null, null, null, 0, null)));
        Model model = new Model("mdl_1", null, null, null, null, null, inputs, outputs, null, null);
        inputs.clear();
        outputs.clear();
        assertThat(model.inputs()).hasSize(1);
        assertThat(model.outputs()).hasSize(1);
    }

    @Test
    void findsAnInputByName() {
        ModelInputDefinition prompt = input("prompt", true, null);
        ModelInputDefinition seed = input("seed", false, null);
        Model model = model(List.of(prompt, seed));
        assertThat(model.input("seed")).containsSame(seed);
        assertThat(model.input("prompt")).containsSame(prompt);
        assertThat(model.input("width")).isEmpty();
    }

    @Test
    void listsTheRequiredInputsInOrder() {
        Model model =
                model(List.of(input("prompt", true, null), input("seed", false, null), input("image", true, null)));
        assertThat(model.requiredInputs()).containsExactly("prompt", "image");
    }

    @Test
    void toStringShowsTheIdAndSlug() {
        assertThat(model(null).toString()).isEqualTo("Model[id=mdl_1, slug=m/x]");
    }

    @Test
    void anInputHasADefaultOnlyWhenOneIsGivenAndNotNull() {
        assertThat(input("a", false, null).hasDefault()).isFalse();
        assertThat(input("a", false, JsonNodeFactory.instance.nullNode()).hasDefault())
                .isFalse();
        assertThat(input("a", false, JsonNodeFactory.instance.numberNode(0)).hasDefault())
                .isTrue();
    }

    @Test
    void anInputDefinitionNeedsANameAndReturnsCopiesOfItsNodes() {
        assertThatThrownBy(() -> input(null, false, null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("name");
        ModelInputDefinition absent = input("a", false, null);
        assertThat(absent.defaultValue().isMissingNode()).isTrue();
        assertThat(absent.validatorAttributes().isMissingNode()).isTrue();
        assertThat(absent.raw().isMissingNode()).isTrue();

        ObjectNode attributes = JsonNodeFactory.instance.objectNode().put("max", 4);
        ObjectNode raw = JsonNodeFactory.instance.objectNode().put("name", "a");
        ModelInputDefinition given = new ModelInputDefinition(
                null,
                "a",
                null,
                null,
                null,
                false,
                JsonNodeFactory.instance.textNode("d"),
                null,
                null,
                attributes,
                null,
                false,
                raw);
        ((ObjectNode) given.validatorAttributes()).put("max", 9);
        ((ObjectNode) given.raw()).put("name", "b");
        assertThat(given.defaultValue().asText()).isEqualTo("d");
        assertThat(given.validatorAttributes())
                .isEqualTo(JsonNodeFactory.instance.objectNode().put("max", 4));
        assertThat(given.raw()).isEqualTo(JsonNodeFactory.instance.objectNode().put("name", "a"));
    }

    @Test
    void anOutputDefinitionNeedsANameAndReturnsCopiesOfItsNodes() {
        assertThatThrownBy(() -> new ModelOutputDefinition(null, null, null, null, null, null, null, null, null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("name");
        ModelOutputDefinition absent = new ModelOutputDefinition(null, "o", null, null, null, null, null, null, null);
        assertThat(absent.validatorAttributes().isMissingNode()).isTrue();
        assertThat(absent.raw().isMissingNode()).isTrue();

        ObjectNode attributes = JsonNodeFactory.instance.objectNode().put("max", 4);
        ObjectNode raw = JsonNodeFactory.instance.objectNode().put("name", "o");
        ModelOutputDefinition given = new ModelOutputDefinition(null, "o", null, null, null, null, attributes, 1, raw);
        ((ObjectNode) given.validatorAttributes()).put("max", 9);
        ((ObjectNode) given.raw()).put("name", "b");
        assertThat(given.validatorAttributes())
                .isEqualTo(JsonNodeFactory.instance.objectNode().put("max", 4));
        assertThat(given.raw()).isEqualTo(JsonNodeFactory.instance.objectNode().put("name", "o"));
    }
}
