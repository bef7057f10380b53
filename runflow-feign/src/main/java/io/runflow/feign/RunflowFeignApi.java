package io.runflow.feign;

import com.fasterxml.jackson.databind.node.ObjectNode;
import feign.Headers;
import feign.Param;
import feign.QueryMap;
import feign.RequestLine;
import io.runflow.internal.json.RunflowJson;
import io.runflow.model.Asset;
import io.runflow.model.AssetUpload;
import io.runflow.model.AssetUploadRequest;
import io.runflow.model.Balance;
import io.runflow.model.Batch;
import io.runflow.model.BatchItem;
import io.runflow.model.BatchRequest;
import io.runflow.model.CallbackDelivery;
import io.runflow.model.CallbackSecret;
import io.runflow.model.CallbackSecretUpdate;
import io.runflow.model.Health;
import io.runflow.model.Me;
import io.runflow.model.Model;
import io.runflow.model.NodeRun;
import io.runflow.model.Page;
import io.runflow.model.Run;
import io.runflow.model.RunLog;
import io.runflow.model.RunRequest;
import io.runflow.model.Webhook;
import io.runflow.model.WebhookAttempt;
import io.runflow.model.WebhookDelivery;
import io.runflow.model.WebhookEventType;
import io.runflow.model.WebhookUpdate;
import java.util.List;
import java.util.Map;

/**
 * Runflow's endpoints as Feign sees them.
 *
 * <p>Path values arrive fully percent-encoded (see {@link RunflowFeign}): Feign passes a value made
 * only of unreserved characters and {@code %XX} through untouched, and encodes anything else again.
 * Ids use {@code decodeSlash = false}, so an encoded {@code /} inside an id stays {@code %2F}; the
 * model path arrives with its separators as {@code %2F} and uses {@code decodeSlash = true}, which
 * turns exactly those back into {@code /}.
 *
 * <p>Every {@code POST} carries an {@code Idempotency-Key} (Runflow's idempotency middleware is
 * global). Each request line is a method and template of core's {@code io.runflow.internal.Endpoint},
 * which says whether the call carries a key and whether it may be retried after an ambiguous failure.
 */
interface RunflowFeignApi {

    @RequestLine(value = "POST /v1/models/{model}/runs", decodeSlash = true)
    @Headers("Idempotency-Key: {idempotencyKey}")
    Run createRun(@Param("model") String modelPath, @Param("idempotencyKey") String idempotencyKey, RunRequest body);

    @RequestLine(value = "GET /v1/runs/{id}", decodeSlash = false)
    Run getRun(@Param("id") String runId);

    @RequestLine(value = "GET /v1/runs", decodeSlash = false)
    Page<Run> listRuns(@QueryMap Map<String, String> query);

    @RequestLine(value = "GET /v1/runs/{id}/callback", decodeSlash = false)
    List<CallbackDelivery> listCallbackDeliveries(@Param("id") String runId);

    @RequestLine(value = "POST /v1/runs/{id}/callback-redeliveries", decodeSlash = false)
    @Headers("Idempotency-Key: {idempotencyKey}")
    CallbackDelivery redeliverCallback(@Param("id") String runId, @Param("idempotencyKey") String idempotencyKey);

    @RequestLine(value = "GET /v1/runs/{id}/logs", decodeSlash = false)
    Page<RunLog> listRunLogs(@Param("id") String runId, @QueryMap Map<String, String> query);

    @RequestLine(value = "GET /v1/runs/{id}/node-runs", decodeSlash = false)
    Page<NodeRun> listNodeRuns(@Param("id") String runId, @QueryMap Map<String, String> query);

    @RequestLine(value = "GET /v1/runs/{run}/node-runs/{id}", decodeSlash = false)
    NodeRun getNodeRun(@Param("run") String runId, @Param("id") String nodeRunId);

    @RequestLine(value = "GET /v1/runs/statuses", decodeSlash = false)
    RunflowJson.RunStatusList listRunStatuses();

    @RequestLine(value = "POST /v1/models/{model}/batches", decodeSlash = true)
    @Headers("Idempotency-Key: {idempotencyKey}")
    Batch createBatch(
            @Param("model") String modelPath, @Param("idempotencyKey") String idempotencyKey, BatchRequest body);

    @RequestLine(value = "GET /v1/batches/{id}", decodeSlash = false)
    Batch getBatch(@Param("id") String batchId);

    @RequestLine(value = "GET /v1/batches/{id}/items", decodeSlash = false)
    Page<BatchItem> listBatchItems(@Param("id") String batchId, @QueryMap Map<String, String> query);

    @RequestLine(value = "GET /v1/batches/{batch}/items/{id}", decodeSlash = false)
    BatchItem getBatchItem(@Param("batch") String batchId, @Param("id") String itemId);

    @RequestLine(value = "GET /v1/batches/{id}/callback", decodeSlash = false)
    List<CallbackDelivery> listBatchCallbackDeliveries(@Param("id") String batchId);

    @RequestLine(value = "POST /v1/batches/{id}/callback-redeliveries", decodeSlash = false)
    @Headers("Idempotency-Key: {idempotencyKey}")
    CallbackDelivery redeliverBatchCallback(
            @Param("id") String batchId, @Param("idempotencyKey") String idempotencyKey);

    @RequestLine(value = "POST /v1/asset-uploads", decodeSlash = false)
    @Headers("Idempotency-Key: {idempotencyKey}")
    AssetUpload createAssetUpload(@Param("idempotencyKey") String idempotencyKey, AssetUploadRequest body);

    @RequestLine(value = "POST /v1/asset-uploads/{id}/confirmations", decodeSlash = false)
    @Headers("Idempotency-Key: {idempotencyKey}")
    Asset confirmAssetUpload(
            @Param("id") String assetUploadId, @Param("idempotencyKey") String idempotencyKey, ObjectNode body);

    @RequestLine(value = "GET /v1/assets/{id}", decodeSlash = false)
    Asset getAsset(@Param("id") String assetId);

    @RequestLine(value = "GET /v1/assets/types", decodeSlash = false)
    RunflowJson.AssetTypeList listAssetTypes();

    @RequestLine(value = "GET /v1/auth/me?embed={embed}", decodeSlash = false)
    Me me(@Param("embed") String embed);

    @RequestLine(value = "GET /v1/billing/balance", decodeSlash = false)
    Balance getBalance();

    @RequestLine(value = "PATCH /v1/billing/balance", decodeSlash = false)
    Balance updateBalance(ObjectNode body);

    @RequestLine(value = "POST /v1/admin/runs/{id}/cancellation", decodeSlash = false)
    @Headers("Idempotency-Key: {idempotencyKey}")
    Run cancelRun(@Param("id") String runId, @Param("idempotencyKey") String idempotencyKey, ObjectNode body);

    @RequestLine(value = "GET /v1/models", decodeSlash = false)
    Page<Model> listModels(@QueryMap Map<String, String> query);

    @RequestLine(value = "GET /v1/models/{model}", decodeSlash = true)
    Model getModel(@Param("model") String modelPath);

    @RequestLine(value = "GET /v1/public/models", decodeSlash = false)
    Page<Model> listPublicModels(@QueryMap Map<String, String> query);

    @RequestLine(value = "POST /v1/callback-secrets", decodeSlash = false)
    @Headers("Idempotency-Key: {idempotencyKey}")
    CallbackSecret createCallbackSecret(@Param("idempotencyKey") String idempotencyKey, ObjectNode body);

    @RequestLine(value = "GET /v1/callback-secrets/{id}", decodeSlash = false)
    CallbackSecret getCallbackSecret(@Param("id") String secretId);

    @RequestLine(value = "PATCH /v1/callback-secrets/{id}", decodeSlash = false)
    CallbackSecret updateCallbackSecret(@Param("id") String secretId, CallbackSecretUpdate body);

    @RequestLine(value = "GET /v1/webhooks", decodeSlash = false)
    Page<Webhook> listWebhooks(@QueryMap Map<String, String> query);

    @RequestLine(value = "GET /v1/webhooks/{id}?embed={embed}", decodeSlash = false)
    Webhook getWebhook(@Param("id") String webhookId, @Param("embed") String embed);

    @RequestLine(value = "PATCH /v1/webhooks/{id}", decodeSlash = false)
    Webhook updateWebhook(@Param("id") String webhookId, WebhookUpdate body);

    @RequestLine(value = "DELETE /v1/webhooks/{id}", decodeSlash = false)
    void deleteWebhook(@Param("id") String webhookId);

    @RequestLine(value = "GET /v1/webhooks/event-types", decodeSlash = false)
    Page<WebhookEventType> listWebhookEventTypes(@QueryMap Map<String, String> query);

    @RequestLine(value = "GET /v1/webhooks/{id}/deliveries", decodeSlash = false)
    Page<WebhookDelivery> listWebhookDeliveries(@Param("id") String webhookId, @QueryMap Map<String, String> query);

    @RequestLine(value = "GET /v1/webhooks/{webhook}/deliveries/{id}/attempts", decodeSlash = false)
    Page<WebhookAttempt> listWebhookDeliveryAttempts(
            @Param("webhook") String webhookId, @Param("id") String deliveryId, @QueryMap Map<String, String> query);

    @RequestLine(value = "GET /v1/health", decodeSlash = false)
    Health health();
}
