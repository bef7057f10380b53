package io.runflow;

import io.runflow.errors.RunflowApiException;
import io.runflow.errors.RunflowDecodingException;
import io.runflow.errors.RunflowIoException;
import io.runflow.model.Asset;
import io.runflow.model.AssetType;
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
import io.runflow.model.ListQuery;
import io.runflow.model.Me;
import io.runflow.model.Model;
import io.runflow.model.NodeRun;
import io.runflow.model.Page;
import io.runflow.model.Run;
import io.runflow.model.RunLog;
import io.runflow.model.RunRequest;
import io.runflow.model.RunStatusDefinition;
import io.runflow.model.Webhook;
import io.runflow.model.WebhookAttempt;
import io.runflow.model.WebhookDelivery;
import io.runflow.model.WebhookEventType;
import io.runflow.model.WebhookUpdate;
import java.math.BigDecimal;
import java.util.List;

/**
 * The port to Runflow's HTTP API: one method per endpoint, typed with the model records, no
 * behaviour. A transport (such as {@code runflow-feign}) implements it; applications use {@link
 * RunflowClient}, which adds waiting, paging and idempotency on top.
 *
 * <p>Every {@code POST} receives its {@code Idempotency-Key} from the caller (in the request for run
 * and batch create, as the last parameter otherwise): core decides one key per logical call, and an
 * implementation sends it unchanged on each attempt, never making keys itself. Implementations are
 * thread-safe, retry according to {@link RunflowOptions#retryPolicy()} with each endpoint's {@link
 * RetryPolicy.Replay} (unsafe: callback redeliveries, callback-secret create and the asset-upload
 * calls; core's internal endpoint declarations say which), and throw {@link RunflowApiException} (via {@code io.runflow.internal.json.ApiErrors}) for error statuses,
 * {@link RunflowIoException} for transport failures and {@link RunflowDecodingException} for bodies
 * they cannot read.
 */
public interface RunflowApi extends AutoCloseable {

    /**
     * {@code POST /v1/models/{model}/runs}, with the request's {@code Idempotency-Key} on every
     * attempt.
     *
     * @param request the request; its {@link RunRequest#idempotencyKey()} is set (a transport rejects
     *     a request without one)
     * @return the created run
     */
    Run createRun(RunRequest request);

    /**
     * {@code GET /v1/runs/{id}}.
     *
     * @param runId the run id
     * @return the run
     */
    Run getRun(String runId);

    /**
     * {@code GET /v1/runs}.
     *
     * @param query filters, sort, page size and cursor
     * @return one page
     */
    Page<Run> listRuns(ListQuery query);

    /**
     * {@code GET /v1/runs/{id}/callback}.
     *
     * @param runId the run id
     * @return every delivery of the run's callback
     */
    List<CallbackDelivery> listCallbackDeliveries(String runId);

    /**
     * {@code POST /v1/runs/{id}/callback-redeliveries}. {@link RetryPolicy.Replay#UNSAFE UNSAFE}: an
     * ambiguous failure is thrown, not retried, since a repeat could deliver twice.
     *
     * @param runId the run id
     * @param idempotencyKey the call's {@code Idempotency-Key}, sent on every attempt
     * @return the new delivery
     */
    CallbackDelivery redeliverCallback(String runId, String idempotencyKey);

    /**
     * {@code GET /v1/runs/{id}/logs}.
     *
     * @param runId the run id
     * @param query filters, sort, page size and cursor
     * @return one page of log entries
     */
    Page<RunLog> listRunLogs(String runId, ListQuery query);

    /**
     * {@code GET /v1/runs/{id}/node-runs}.
     *
     * @param runId the run id, or {@code any} for every run's
     * @param query filters, sort, page size and cursor
     * @return one page of node runs
     */
    Page<NodeRun> listNodeRuns(String runId, ListQuery query);

    /**
     * {@code GET /v1/runs/{run_id}/node-runs/{id}}.
     *
     * @param runId the run id, or {@code any}
     * @param nodeRunId the node run id
     * @return the node run
     */
    NodeRun getNodeRun(String runId, String nodeRunId);

    /**
     * {@code GET /v1/runs/statuses}.
     *
     * @return every run status the server knows
     */
    List<RunStatusDefinition> listRunStatuses();

    /**
     * {@code POST /v1/models/{model}/batches}, with the request's {@code Idempotency-Key} on every
     * attempt; {@link RetryPolicy.Replay#SAFE SAFE} like run create, since the key makes the server
     * replay the first answer.
     *
     * @param request the request; its {@link BatchRequest#idempotencyKey()} is set (a transport rejects
     *     a request without one)
     * @return the created batch
     */
    Batch createBatch(BatchRequest request);

    /**
     * {@code GET /v1/batches/{id}}.
     *
     * @param batchId the batch id
     * @return the batch with its lean items
     */
    Batch getBatch(String batchId);

    /**
     * {@code GET /v1/batches/{id}/items}.
     *
     * @param batchId the batch id
     * @param query filters, sort, page size and cursor
     * @return one page of full items
     */
    Page<BatchItem> listBatchItems(String batchId, ListQuery query);

    /**
     * {@code GET /v1/batches/{batch_id}/items/{id}}.
     *
     * @param batchId the batch id
     * @param itemId the item id
     * @return the full item
     */
    BatchItem getBatchItem(String batchId, String itemId);

    /**
     * {@code GET /v1/batches/{id}/callback}.
     *
     * @param batchId the batch id
     * @return every delivery of the batch's callback
     */
    List<CallbackDelivery> listBatchCallbackDeliveries(String batchId);

    /**
     * {@code POST /v1/batches/{id}/callback-redeliveries}. {@link RetryPolicy.Replay#UNSAFE UNSAFE}.
     *
     * @param batchId the batch id
     * @param idempotencyKey the call's {@code Idempotency-Key}, sent on every attempt
     * @return the new delivery
     */
    CallbackDelivery redeliverBatchCallback(String batchId, String idempotencyKey);

    /**
     * {@code POST /v1/asset-uploads}. {@link RetryPolicy.Replay#UNSAFE UNSAFE}: a repeat would open a
     * second session (harmless, but not the same answer).
     *
     * @param request what is about to be uploaded
     * @param idempotencyKey the call's {@code Idempotency-Key}, sent on every attempt
     * @return the presigned session
     */
    AssetUpload createAssetUpload(AssetUploadRequest request, String idempotencyKey);

    /**
     * {@code POST /v1/asset-uploads/{id}/confirmations}. {@link RetryPolicy.Replay#UNSAFE UNSAFE}.
     *
     * @param assetUploadId the session id
     * @param folderId the folder to file the asset in, or {@code null}
     * @param idempotencyKey the call's {@code Idempotency-Key}, sent on every attempt
     * @return the created asset
     */
    Asset confirmAssetUpload(String assetUploadId, String folderId, String idempotencyKey);

    /**
     * {@code GET /v1/assets/{id}}.
     *
     * @param assetId the asset id
     * @return the asset with a freshly signed URL
     */
    Asset getAsset(String assetId);

    /**
     * {@code GET /v1/assets/types}.
     *
     * @return the MIME types an upload may declare
     */
    List<AssetType> listAssetTypes();

    /**
     * {@code GET /v1/auth/me?embed=memberships,organizations}.
     *
     * @return the user behind the API key
     */
    Me me();

    /**
     * {@code GET /v1/billing/balance}.
     *
     * @return the organization's credit balance
     */
    Balance getBalance();

    /**
     * {@code PATCH /v1/billing/balance}, changing only the low-balance threshold.
     *
     * @param threshold the new threshold, not negative
     * @return the updated balance
     */
    Balance updateLowBalanceThreshold(BigDecimal threshold);

    /**
     * {@code POST /v1/admin/runs/{id}/cancellation} (admin keys only).
     *
     * @param runId the run id
     * @param reason the audit reason (3 to 500 characters), or {@code null}
     * @param idempotencyKey the call's {@code Idempotency-Key}, sent on every attempt
     * @return the run, canceled or already terminal
     */
    Run cancelRun(String runId, String reason, String idempotencyKey);

    /**
     * {@code GET /v1/models}.
     *
     * @param query filters, page size and cursor
     * @return one page
     */
    Page<Model> listModels(ListQuery query);

    /**
     * {@code GET /v1/models/{owner}/{slug}}.
     *
     * @param modelId the model id, {@code owner/slug}
     * @return the model
     */
    Model getModel(String modelId);

    /**
     * {@code GET /v1/public/models} (no authentication needed).
     *
     * @param query filters, page size and cursor
     * @return one page
     */
    Page<Model> listPublicModels(ListQuery query);

    /**
     * {@code POST /v1/callback-secrets}. {@link RetryPolicy.Replay#UNSAFE UNSAFE}: an ambiguous
     * failure is thrown, not retried, since a repeat could create a second secret.
     *
     * @param label a label of at most 255 characters, or {@code null}
     * @param idempotencyKey the call's {@code Idempotency-Key}, sent on every attempt
     * @return the secret, with its {@code plain_secret} (shown this once)
     */
    CallbackSecret createCallbackSecret(String label, String idempotencyKey);

    /**
     * {@code GET /v1/callback-secrets/{id}}.
     *
     * @param secretId the secret's id
     * @return the secret, without secret material
     */
    CallbackSecret getCallbackSecret(String secretId);

    /**
     * {@code PATCH /v1/callback-secrets/{id}}.
     *
     * @param secretId the secret's id
     * @param update the change
     * @return the updated secret
     */
    CallbackSecret updateCallbackSecret(String secretId, CallbackSecretUpdate update);

    /**
     * {@code GET /v1/webhooks}.
     *
     * @param query filters, sort, page size and cursor
     * @return one page of the organization's webhooks
     */
    Page<Webhook> listWebhooks(ListQuery query);

    /**
     * {@code GET /v1/webhooks/{id}?embed=deliveries,event_subscriptions}.
     *
     * @param webhookId the webhook id
     * @return the webhook with its subscriptions and deliveries
     */
    Webhook getWebhook(String webhookId);

    /**
     * {@code PATCH /v1/webhooks/{id}}.
     *
     * @param webhookId the webhook id
     * @param update the change
     * @return the updated webhook
     */
    Webhook updateWebhook(String webhookId, WebhookUpdate update);

    /**
     * {@code DELETE /v1/webhooks/{id}}; replay-safe, as a second delete changes nothing.
     *
     * @param webhookId the webhook id
     */
    void deleteWebhook(String webhookId);

    /**
     * {@code GET /v1/webhooks/event-types}.
     *
     * @param query page size and cursor
     * @return one page of event types
     */
    Page<WebhookEventType> listWebhookEventTypes(ListQuery query);

    /**
     * {@code GET /v1/webhooks/{id}/deliveries}.
     *
     * @param webhookId the webhook id, or {@code any} for every webhook's
     * @param query filters, sort, page size and cursor
     * @return one page of deliveries
     */
    Page<WebhookDelivery> listWebhookDeliveries(String webhookId, ListQuery query);

    /**
     * {@code GET /v1/webhooks/{webhook_id}/deliveries/{delivery_id}/attempts}.
     *
     * @param webhookId the webhook id, or {@code any}
     * @param deliveryId the delivery id
     * @param query page size and cursor
     * @return one page of attempts
     */
    Page<WebhookAttempt> listWebhookDeliveryAttempts(String webhookId, String deliveryId, ListQuery query);

    /**
     * {@code GET /v1/health}.
     *
     * @return the health
     */
    Health health();

    /**
     * Returns a view of this API whose calls use {@code options}: their {@link
     * RequestOptions#headers() headers} on every attempt, their {@link RequestOptions#timeout()
     * timeout} as each attempt's read timeout, their {@link RequestOptions#maxRetries() retries} in
     * place of the policy's, and their {@link RequestOptions#idempotencyKey() key} in place of the
     * {@code Idempotency-Key} passed to a {@code POST}. The view shares this API's connections;
     * closing it does nothing. Options are not merged with a view's: core passes them complete.
     *
     * @param options the settings; {@link RequestOptions#none()} for this API's own
     * @return the view
     * @throws UnsupportedOperationException if the transport does not support per-call options (the
     *     default)
     */
    default RunflowApi withOptions(RequestOptions options) {
        throw new UnsupportedOperationException(getClass().getName() + " does not support per-call options");
    }

    /**
     * Makes the calls of {@code call} on this thread and returns its result with the status and headers
     * of the last answer it read. Core's services call it with one endpoint call each.
     *
     * @param call one call of this API's methods
     * @param <T> the type of the call's result
     * @return the result with its answer's status and headers
     * @throws UnsupportedOperationException if the transport does not expose answers (the default)
     */
    default <T> RawResponse<T> exchange(java.util.function.Supplier<? extends T> call) {
        throw new UnsupportedOperationException(getClass().getName() + " does not expose raw responses");
    }

    /** Releases the transport's resources; the default does nothing. */
    @Override
    default void close() {}
}
