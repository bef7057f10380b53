package io.runflow.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * A model of the catalog ({@code GET /v1/models}, {@code GET /v1/models/{owner}/{slug}}, {@code GET
 * /v1/public/models}). Input and output definitions, pricing notes and everything else stay in
 * {@link #raw()}.
 *
 * @param id the model's id (a UUID, not the {@code owner/slug} path)
 * @param slug the model's slug
 * @param name the display name
 * @param description the description
 * @param statusCode for example {@code active}
 * @param isPublic whether the model is public, {@code null} if not reported
 * @param inputs the input definitions as received (an array, or missing)
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
        JsonNode inputs,
        OffsetDateTime createdAt,
        JsonNode raw) {

    /** Checks the id and normalises absent JSON nodes. */
    public Model {
        Objects.requireNonNull(id, "id");
        inputs = inputs == null ? MissingNode.getInstance() : inputs;
        raw = raw == null ? MissingNode.getInstance() : raw;
    }

    @Override
    public String toString() {
        return "Model[id=" + id + ", slug=" + slug + "]";
    }
}
