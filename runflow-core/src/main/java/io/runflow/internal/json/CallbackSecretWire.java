package io.runflow.internal.json;

import static io.runflow.internal.json.JsonFields.bool;
import static io.runflow.internal.json.JsonFields.requireObject;
import static io.runflow.internal.json.JsonFields.requireText;
import static io.runflow.internal.json.JsonFields.text;
import static io.runflow.internal.json.JsonFields.timestamp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.runflow.model.CallbackSecret;
import io.runflow.model.CallbackSecretUpdate;

/**
 * Reads and writes callback signing secrets; the secret material never reaches {@code raw}. Not
 * public API.
 */
public final class CallbackSecretWire {

    private CallbackSecretWire() {}

    /**
     * Reads a callback secret; the secret material is kept out of {@code raw}.
     *
     * @param node a JSON object with at least {@code id}
     * @return the secret record
     */
    public static CallbackSecret callbackSecret(JsonNode node) {
        requireObject(node, "callback secret");
        JsonNode withoutSecret = node.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) withoutSecret).remove("plain_secret");
        return CallbackSecret.builder()
                .id(requireText(node, "id", "callback secret"))
                .orgId(text(node, "org_id"))
                .keyPrefix(text(node, "key_prefix"))
                .current(Boolean.TRUE.equals(bool(node, "is_current")))
                .label(text(node, "label"))
                .plainSecret(text(node, "plain_secret"))
                .disabledAt(timestamp(node, "disabled_at"))
                .lastUsedAt(timestamp(node, "last_used_at"))
                .createdAt(timestamp(node, "created_at"))
                .updatedAt(timestamp(node, "updated_at"))
                .raw(JsonValues.of(withoutSecret))
                .build();
    }

    /**
     * Writes the body of {@code PATCH /v1/callback-secrets/{id}}.
     *
     * @param update the change
     * @return the body, with only the changed fields
     */
    public static ObjectNode callbackSecretUpdateBody(CallbackSecretUpdate update) {
        ObjectNode body = RunflowJson.mapper().createObjectNode();
        if (update.label() != null) {
            body.put("label", update.label());
        }
        if (update.current() != null) {
            body.put("is_current", update.current());
        }
        return body;
    }

    /**
     * Writes the body of {@code POST /v1/callback-secrets}.
     *
     * @param label the label, or {@code null}
     * @return the body
     */
    public static ObjectNode callbackSecretCreateBody(String label) {
        ObjectNode body = RunflowJson.mapper().createObjectNode();
        if (label != null) {
            body.put("label", label);
        }
        return body;
    }
}
