package io.runflow.internal.json;

import static io.runflow.internal.json.JsonFields.bool;
import static io.runflow.internal.json.JsonFields.hasText;
import static io.runflow.internal.json.JsonFields.intValue;
import static io.runflow.internal.json.JsonFields.requireObject;
import static io.runflow.internal.json.JsonFields.requireText;
import static io.runflow.internal.json.JsonFields.text;
import static io.runflow.internal.json.JsonFields.timestamp;

import com.fasterxml.jackson.databind.JsonNode;
import io.runflow.model.JsonValue;
import io.runflow.model.Model;
import io.runflow.model.ModelInputDefinition;
import io.runflow.model.ModelOutputDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Reads catalog models and their input and output definitions. Not public API. */
public final class ModelWire {

    private ModelWire() {}

    /**
     * Reads a catalog model.
     *
     * @param node a JSON object with at least {@code id}
     * @return the model
     */
    public static Model model(JsonNode node) {
        requireObject(node, "model");
        JsonValue json = JsonValues.of(node);
        return Model.builder()
                .id(requireText(node, "id", "model"))
                .slug(text(node, "slug"))
                .name(text(node, "name"))
                .description(text(node, "description"))
                .statusCode(text(node, "status_code"))
                .isPublic(bool(node, "is_public"))
                .inputs(definitions(node.path("inputs"), ModelWire::inputDefinition))
                .outputs(definitions(node.path("outputs"), ModelWire::outputDefinition))
                .createdAt(timestamp(node, "created_at"))
                .raw(json)
                .build();
    }

    private static <T> List<T> definitions(JsonNode array, Function<JsonNode, T> reader) {
        List<T> definitions = new ArrayList<>();
        for (JsonNode entry : array) {
            if (hasText(entry, "name")) {
                definitions.add(reader.apply(entry));
            }
        }
        return definitions;
    }

    /**
     * Reads one model input definition.
     *
     * @param node a JSON object with at least {@code name}
     * @return the definition
     */
    public static ModelInputDefinition inputDefinition(JsonNode node) {
        requireObject(node, "model input");
        JsonValue json = JsonValues.of(node);
        return ModelInputDefinition.builder()
                .id(text(node, "id"))
                .name(requireText(node, "name", "model input"))
                .displayName(text(node, "display_name"))
                .description(text(node, "description"))
                .type(text(node, "variable_type_code"))
                .required(Boolean.TRUE.equals(bool(node, "is_required")))
                .defaultValue(json.path("default_value"))
                .defaultBehavior(text(node, "default_behavior_code"))
                .validator(text(node, "validator_code"))
                .validatorAttributes(json.path("validator_attrs"))
                .sortOrder(intValue(node, "sort_order"))
                .featured(Boolean.TRUE.equals(bool(node, "is_featured")))
                .raw(json)
                .build();
    }

    private static ModelOutputDefinition outputDefinition(JsonNode node) {
        JsonValue json = JsonValues.of(node);
        return ModelOutputDefinition.builder()
                .id(text(node, "id"))
                .name(text(node, "name"))
                .displayName(text(node, "display_name"))
                .description(text(node, "description"))
                .type(text(node, "variable_type_code"))
                .validator(text(node, "validator_code"))
                .validatorAttributes(json.path("validator_attrs"))
                .sortOrder(intValue(node, "sort_order"))
                .raw(json)
                .build();
    }
}
