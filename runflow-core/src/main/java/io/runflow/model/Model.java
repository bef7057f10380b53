package io.runflow.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * A model of the catalog ({@code GET /v1/models}, {@code GET /v1/models/{owner}/{slug}}, {@code GET
 * /v1/public/models}), with its typed input and output definitions. Pricing notes and everything
 * else stay in {@link #raw()}.
 *
 * @param id the model's id (a UUID, not the {@code owner/slug} path)
 * @param slug the model's slug
 * @param name the display name
 * @param description the description
 * @param statusCode for example {@code active}
 * @param isPublic whether the model is public, {@code null} if not reported
 * @param inputs the input definitions, in the order sent; empty if not given
 * @param outputs the output definitions, in the order sent; empty if not given
 * @param createdAt when it was created
 * @param raw the model as received
 */
public record Model(
        String id,
        String slug,
        String name,
        String description,
        String statusCode,
        Boolean isPublic,
        List<ModelInputDefinition> inputs,
        List<ModelOutputDefinition> outputs,
        OffsetDateTime createdAt,
        JsonNode raw) {

    /** Checks the id, copies the definitions and normalises absent JSON nodes. */
    public Model {
        Objects.requireNonNull(id, "id");
        inputs = inputs == null ? List.of() : List.copyOf(inputs);
        outputs = outputs == null ? List.of() : List.copyOf(outputs);
        raw = raw == null ? MissingNode.getInstance() : raw;
    }

    /**
     * Finds an input definition by name.
     *
     * @param name the input's field name, for example {@code prompt}
     * @return the definition, or empty if the model declares no such input
     */
    public java.util.Optional<ModelInputDefinition> input(String name) {
        Objects.requireNonNull(name, "name");
        return inputs.stream().filter(i -> i.name().equals(name)).findFirst();
    }

    /**
     * Returns the names of the inputs a run must give.
     *
     * @return the required inputs' names, in order
     */
    public List<String> requiredInputs() {
        return inputs.stream()
                .filter(ModelInputDefinition::required)
                .map(ModelInputDefinition::name)
                .toList();
    }

    @Override
    public String toString() {
        return "Model[id=" + id + ", slug=" + slug + "]";
    }
}
