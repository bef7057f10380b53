package io.runflow.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.Objects;

/**
 * One output a model declares ({@code outputs[]} of a catalog model).
 *
 * @param id the definition's id, {@code null} if not given
 * @param name the output's field name in a run's {@code output}, for example {@code outputs}
 * @param displayName the label docs show
 * @param description what the output holds
 * @param type the {@code variable_type_code}, for example {@code json} or {@code image_list}
 * @param validator the {@code validator_code}, {@code null} if none
 * @param validatorAttributes the {@code validator_attrs} object as sent, or missing
 * @param sortOrder the position in the model's page, {@code null} if not given
 * @param raw the definition as received
 */
public record ModelOutputDefinition(
        String id,
        String name,
        String displayName,
        String description,
        String type,
        String validator,
        JsonNode validatorAttributes,
        Integer sortOrder,
        JsonNode raw) {

    /** Checks the name and normalises absent JSON nodes. */
    public ModelOutputDefinition {
        Objects.requireNonNull(name, "name");
        validatorAttributes = validatorAttributes == null ? MissingNode.getInstance() : validatorAttributes;
        raw = raw == null ? MissingNode.getInstance() : raw;
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
}
