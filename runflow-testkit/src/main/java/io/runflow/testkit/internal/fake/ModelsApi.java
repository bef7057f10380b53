package io.runflow.testkit.internal.fake;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.runflow.testkit.FakeModel;
import io.runflow.testkit.internal.http.ErrorResponseException;
import io.runflow.testkit.internal.http.Json;
import io.runflow.testkit.internal.http.Request;
import io.runflow.testkit.internal.http.Response;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The model catalog and its endpoints: {@code GET /v1/models[/{id...}]} and {@code /v1/public/models}. */
final class ModelsApi {

    private final Map<String, FakeModel> byId = new LinkedHashMap<>();
    private final String orgId;
    private final Instant createdAt;

    ModelsApi(List<FakeModel> catalog, String orgId, Instant createdAt) {
        catalog.forEach(m -> byId.put(m.id(), m));
        this.orgId = orgId;
        this.createdAt = createdAt;
    }

    /** A stable UUID for a model, the {@code model_id} of its runs. */
    static String uuid(FakeModel m) {
        return UUID.nameUUIDFromBytes(m.id().getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** @throws ErrorResponseException 404 {@code MODEL_NOT_FOUND} */
    FakeModel require(String id) {
        FakeModel model = byId.get(id);
        if (model == null) {
            throw ErrorResponseException.notFound("MODEL_NOT_FOUND", "model " + id + " not found");
        }
        return model;
    }

    /** {@code GET /v1/models} and {@code /v1/public/models}, with the list parameters of section 2.1. */
    Response list(Request request) {
        Map<String, java.util.function.Function<FakeModel, Object>> fields = new LinkedHashMap<>();
        fields.put("id", ModelsApi::uuid);
        fields.put("slug", m -> m.id().substring(m.id().indexOf('/') + 1));
        fields.put("model_creator_id", m -> m.id().substring(0, m.id().indexOf('/')));
        fields.put("name", FakeModel::name);
        fields.put("status_code", m -> "active");
        fields.put("category_code", m -> "image");
        fields.put("is_public", m -> true);
        fields.put("created_at", m -> createdAt);
        Listing<FakeModel> listing = Listing.parse(request.query(), fields, "created_at:asc");
        return Response.json(200, listing.envelope(listing.page(List.copyOf(byId.values())), this::json));
    }

    Response get(Request request) {
        return Response.json(200, json(require(request.param("model"))));
    }

    private ObjectNode json(FakeModel m) {
        ObjectNode n = Json.object();
        n.put("id", uuid(m));
        n.put("org_id", orgId);
        int slash = m.id().indexOf('/');
        n.put("model_creator_id", m.id().substring(0, slash));
        n.put("slug", m.id().substring(slash + 1));
        n.put("name", m.name());
        n.putNull("description");
        n.putNull("version");
        n.put("is_public", true);
        n.put("status_code", "active");
        n.put("category_code", "image");
        n.put("max_resolution", m.width() + "x" + m.height());
        n.put("pricing_note", "$" + m.price() + "/image");
        n.set("created_at", Json.time(createdAt));
        n.set("updated_at", Json.time(createdAt));
        ArrayNode inputs = n.putArray("inputs");
        int order = 0;
        for (String name : m.requiredInputs()) {
            inputs.add(input(m, name, "string", true, order++));
        }
        inputs.add(input(m, "seed", "integer", false, order));
        ArrayNode outputs = n.putArray("outputs");
        outputs.addObject()
                .put("model_id", uuid(m))
                .put("name", "outputs")
                .put("variable_type_code", "json")
                .put("sort_order", 0);
        return n;
    }

    private static ObjectNode input(FakeModel m, String name, String type, boolean required, int order) {
        return Json.object()
                .put("model_id", uuid(m))
                .put("name", name)
                .put("display_name", name)
                .put("variable_type_code", type)
                .put("is_required", required)
                .put("sort_order", order);
    }
}
