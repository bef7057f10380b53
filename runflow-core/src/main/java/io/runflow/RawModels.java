package io.runflow;

import io.runflow.model.ListQuery;
import io.runflow.model.Model;
import io.runflow.model.Page;

/**
 * The model catalog with the HTTP status and headers of each answer: {@link Models} seen through {@link
 * Models#withRawResponse()}. Each method makes the same request, with the same checks and
 * idempotency key, as the method of the same name there.
 *
 * <pre>{@code
 * RawResponse<Model> model = runflow.models().withRawResponse().get("runflow/flux-pro-ultra");
 * }</pre>
 */
public final class RawModels {

    private final Models models;
    private final RunflowApi api;

    RawModels(Models models, RunflowApi api) {
        this.models = models;
        this.api = api;
    }

    /**
     * Reads one page of the organization's models, as {@link Models#list(ListQuery)} reads its first.
     *
     * @param query filters, page size and cursor
     * @return the answer
     */
    public RawResponse<Page<Model>> list(ListQuery query) {
        return api.exchange(() -> models.list(query).firstPage());
    }

    /**
     * Reads one page of the public models, as {@link Models#listPublic(ListQuery)} reads its first.
     *
     * @param query filters, page size and cursor
     * @return the answer
     */
    public RawResponse<Page<Model>> listPublic(ListQuery query) {
        return api.exchange(() -> models.listPublic(query).firstPage());
    }

    /**
     * Reads a model, as {@link Models#get(String)}.
     *
     * @param modelId the model id, {@code owner/slug}
     * @return the answer
     */
    public RawResponse<Model> get(String modelId) {
        return api.exchange(() -> models.get(modelId));
    }
}
