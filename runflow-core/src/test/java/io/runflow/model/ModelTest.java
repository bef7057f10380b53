package io.runflow.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelTest {

    private static ModelInputDefinition input(String name, boolean required, JsonValue defaultValue) {
        return ModelInputDefinition.builder()
                .id("in_" + name)
                .name(name)
                .type("string")
                .required(required)
                .defaultValue(defaultValue)
                .sortOrder(0)
                .featured(false)
                .build();
    }

    private static Model model(List<ModelInputDefinition> inputs) {
        return Model.builder()
                .id("mdl_1")
                .slug("m/x")
                .name("X")
                .statusCode("active")
                .isPublic(true)
                .inputs(inputs)
                .build();
    }

    @Test
    void requiresAnId() {
        assertThatThrownBy(() -> Model.builder().build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("id is required");
    }

    @Test
    void absentListsAreEmptyAndAbsentRawMissing() {
        Model model = model(null);
        assertThat(model.inputs()).isEmpty();
        assertThat(model.outputs()).isEmpty();
        assertThat(model.raw().isNull()).isTrue();
    }

    @Test
    void copiesItsLists() {
        List<ModelInputDefinition> inputs = new ArrayList<>(List.of(input("prompt", true, null)));
        List<ModelOutputDefinition> outputs = new ArrayList<>(List.of(
                ModelOutputDefinition.builder().name("image").sortOrder(0).build()));
        Model model =
                Model.builder().id("mdl_1").inputs(inputs).outputs(outputs).build();
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
        assertThat(input("a", false, JsonValue.JsonNull.INSTANCE).hasDefault()).isFalse();
        assertThat(input("a", false, JsonValue.JsonNumber.of(0)).hasDefault()).isTrue();
    }

    @Test
    void anInputDefinitionNeedsANameAndSharesItsValues() {
        assertThatThrownBy(() -> input(null, false, null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("name");
        ModelInputDefinition absent = input("a", false, null);
        assertThat(absent.defaultValue().isNull()).isTrue();
        assertThat(absent.validatorAttributes().isNull()).isTrue();
        assertThat(absent.raw().isNull()).isTrue();

        JsonValue attributes = JsonValue.object(Map.of("max", 4));
        JsonValue raw = JsonValue.object(Map.of("name", "a"));
        ModelInputDefinition given = ModelInputDefinition.builder()
                .name("a")
                .required(false)
                .defaultValue(new JsonValue.JsonString("d"))
                .validatorAttributes(attributes)
                .featured(false)
                .raw(raw)
                .build();
        assertThat(given.defaultValue().asString().orElseThrow()).isEqualTo("d");
        assertThat(given.validatorAttributes()).isSameAs(attributes);
        assertThat(given.raw()).isSameAs(raw);
    }

    @Test
    void anOutputDefinitionNeedsANameAndSharesItsValues() {
        assertThatThrownBy(() -> ModelOutputDefinition.builder().build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("name is required");
        ModelOutputDefinition absent = ModelOutputDefinition.builder().name("o").build();
        assertThat(absent.validatorAttributes().isNull()).isTrue();
        assertThat(absent.raw().isNull()).isTrue();

        JsonValue attributes = JsonValue.object(Map.of("max", 4));
        JsonValue raw = JsonValue.object(Map.of("name", "o"));
        ModelOutputDefinition given = ModelOutputDefinition.builder()
                .name("o")
                .validatorAttributes(attributes)
                .sortOrder(1)
                .raw(raw)
                .build();
        assertThat(given.validatorAttributes()).isSameAs(attributes);
        assertThat(given.raw()).isSameAs(raw);
    }
}
