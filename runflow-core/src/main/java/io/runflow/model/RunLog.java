package io.runflow.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * One log entry of a run ({@code GET /v1/runs/{id}/logs}).
 *
 * @param id the entry id
 * @param runId the run it belongs to
 * @param level the {@code level_code} as sent, for example {@code info} or {@code error}
 * @param message the text
 * @param timestamp when it was logged
 * @param meta the {@code meta} object as sent, or missing
 * @param raw the entry as received
 */
public record RunLog(
        String id, String runId, String level, String message, OffsetDateTime timestamp, JsonNode meta, JsonNode raw) {

    /** Checks the id and normalises absent JSON nodes. */
    public RunLog {
        Objects.requireNonNull(id, "id");
        meta = meta == null ? MissingNode.getInstance() : meta;
        raw = raw == null ? MissingNode.getInstance() : raw;
    }

    /** Returns {@code meta} as a copy. */
    @Override
    public JsonNode meta() {
        return meta.deepCopy();
    }

    /** Returns {@code raw} as a copy. */
    @Override
    public JsonNode raw() {
        return raw.deepCopy();
    }
}
