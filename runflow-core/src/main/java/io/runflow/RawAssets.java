package io.runflow;

import io.runflow.model.Asset;
import io.runflow.model.AssetType;
import java.util.List;

/**
 * Assets (reads; an upload is several requests, so it has no raw form) with the HTTP status and headers of each answer: {@link Assets} seen through {@link
 * Assets#withRawResponse()}. Each method makes the same request, with the same checks and
 * idempotency key, as the method of the same name there.
 *
 * <pre>{@code
 * RawResponse<Asset> asset = runflow.assets().withRawResponse().get(assetId);
 * }</pre>
 */
public final class RawAssets {

    private final Assets assets;
    private final RunflowApi api;

    RawAssets(Assets assets, RunflowApi api) {
        this.assets = assets;
        this.api = api;
    }

    /**
     * Reads an asset, as {@link Assets#get(String)}.
     *
     * @param assetId the asset id
     * @return the answer
     */
    public RawResponse<Asset> get(String assetId) {
        return api.exchange(() -> assets.get(assetId));
    }

    /**
     * Lists the MIME types an upload may declare, as {@link Assets#types()}.
     *
     * @return the answer
     */
    public RawResponse<List<AssetType>> types() {
        return api.exchange(() -> assets.types());
    }
}
