package io.runflow.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.Objects;

/**
 * One input a model declares ({@code inputs[]} of a catalog model; {@code GET
 * /v1/models/{model_id}/inputs/{id}}). The sets of types and validators are open and not documented:
 * they stay strings, as sent.
 *
 * @param id the definition's id, {@code null} if not given
 * @param name the input's field name in a run's {@code input}, for example {@code prompt}
 * @param displayName the label docs show
 * @param description what the input does
 * @param type the {@code variable_type_code}, for example {@code string}, {@code integer}, {@code
 *     image}, {@code image_list} or {@code json}
 * @param required whether a run must give it ({@code is_required}; false when not reported)
 * @param defaultValue the {@code default_value} as sent, or missing
 * @param defaultBehavior the {@code default_behavior_code}, {@code null} if not given
 * @param validator the {@code validator_code}, {@code null} if none
 * @param validatorAttributes the {@code validator_attrs} object as sent (allowed values, bounds), or
 *     missing
 * @param sortOrder the position in the model's form, {@code null} if not given
 * @param featured whether docs feature it ({@code is_featured}; false when not reported)
 * @param raw the definition as received
 */
public record ModelInputDefinition(
        String id,
        String name,
        String displayName,
        String description,
        String type,
        boolean required,
        JsonNode defaultValue,
        String defaultBehavior,
        String validator,
        JsonNode validatorAttributes,
        Integer sortOrder,
        boolean featured,
        JsonNode raw) {

    /** Checks the name and normalises absent JSON nodes. */
    public ModelInputDefinition {
        Objects.requireNonNull(name, "name");
        defaultValue = defaultValue == null ? MissingNode.getInstance() : defaultValue;
        validatorAttributes = validatorAttributes == null ? MissingNode.getInstance() : validatorAttributes;
        raw = raw == null ? MissingNode.getInstance() : raw;
    }

    /** Returns {@code default_value} as a copy. */
    @Override
    public JsonNode defaultValue() {
        return defaultValue.deepCopy();
    }

    /** Returns {@code validator_attrs} as a copy. */
    @Override
    public JsonNode validatorAttributes() {
        return validatorAttributes.deepCopy();
    }

    /** Returns {@code raw} as a copy. */
    @Override
    public JsonNode raw() {
        return raw.deepCopy();
    }

    /**
     * Tells whether a default value is declared.
     *
     * @return true if {@code default_value} is present and not {@code null}
     */
    public boolean hasDefault() {
        return !defaultValue.isMissingNode() && !defaultValue.isNull();
    }
}
