package io.runflow;

import io.runflow.errors.NotFoundException;
import io.runflow.internal.ModelIds;
import io.runflow.model.ListQuery;
import io.runflow.model.Model;
import java.util.Objects;

/** The model catalog. Obtained from {@link RunflowClient#models()}. */
public final class Models {

    private final RunflowApi api;

    Models(RunflowApi api) {
        this.api = api;
    }

    /**
     * Returns this service's requests with the HTTP status and headers of each answer.
     *
     * <pre>{@code
     * RawResponse<Model> model = runflow.models().withRawResponse().get("runflow/flux-pro-ultra");
     * }</pre>
     *
     * @return the raw view
     */
    public RawModels withRawResponse() {
        return new RawModels(this, api);
    }

    /**
     * Lists the models the organization can run ({@code GET /v1/models}).
     *
     * @param query filters and page size; {@link ListQuery#all()} for everything
     * @return the models across all pages
     */
    public AutoPager<Model> list(ListQuery query) {
        return new AutoPager<>(Objects.requireNonNull(query, "query"), api::listModels);
    }

    /**
     * Lists the public, active models ({@code GET /v1/public/models}).
     *
     * @param query filters and page size
     * @return the models across all pages
     */
    public AutoPager<Model> listPublic(ListQuery query) {
        return new AutoPager<>(Objects.requireNonNull(query, "query"), api::listPublicModels);
    }

    /**
     * Reads one model ({@code GET /v1/models/{owner}/{slug}}).
     *
     * @param modelId for example {@code black-forest-labs/flux-1-1-pro-ultra}
     * @return the model
     * @throws NotFoundException if there is no such model
     */
    public Model get(String modelId) {
        ModelIds.validate(modelId);
        return api.getModel(modelId);
    }
}
