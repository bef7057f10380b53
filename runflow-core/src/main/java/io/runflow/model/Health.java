package io.runflow.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * The answer of {@code GET /v1/health}.
 *
 * @param ok whether the service reports itself live
 * @param raw the body as received
 */
public record Health(boolean ok, JsonNode raw) {

    /** Normalises a missing {@code raw}. */
    public Health {
        raw = raw == null ? MissingNode.getInstance() : raw;
    }
}
