package io.runflow;

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
import io.runflow.model.Page;
import io.runflow.model.Run;
import io.runflow.model.RunLog;
import io.runflow.model.RunRequest;
import io.runflow.model.RunStatusDefinition;
import java.math.BigDecimal;
import java.util.List;

/** Forwards every call, so a test can override one. */
class DelegatingApi implements RunflowApi {

    private final RunflowApi delegate;

    DelegatingApi(RunflowApi delegate) {
        this.delegate = delegate;
    }

    @Override
    public Run createRun(RunRequest request) {
        return delegate.createRun(request);
    }

    @Override
    public Run getRun(String runId) {
        return delegate.getRun(runId);
    }

    @Override
    public Page<Run> listRuns(ListQuery query) {
        return delegate.listRuns(query);
    }

    @Override
    public List<CallbackDelivery> listCallbackDeliveries(String runId) {
        return delegate.listCallbackDeliveries(runId);
    }

    @Override
    public CallbackDelivery redeliverCallback(String runId, String idempotencyKey) {
        return delegate.redeliverCallback(runId, idempotencyKey);
    }

    @Override
    public Run cancelRun(String runId, String reason, String idempotencyKey) {
        return delegate.cancelRun(runId, reason, idempotencyKey);
    }

    @Override
    public Page<Model> listModels(ListQuery query) {
        return delegate.listModels(query);
    }

    @Override
    public Model getModel(String modelId) {
        return delegate.getModel(modelId);
    }

    @Override
    public Page<Model> listPublicModels(ListQuery query) {
        return delegate.listPublicModels(query);
    }

    @Override
    public CallbackSecret createCallbackSecret(String label, String idempotencyKey) {
        return delegate.createCallbackSecret(label, idempotencyKey);
    }

    @Override
    public CallbackSecret getCallbackSecret(String secretId) {
        return delegate.getCallbackSecret(secretId);
    }

    @Override
    public CallbackSecret updateCallbackSecret(String secretId, CallbackSecretUpdate update) {
        return delegate.updateCallbackSecret(secretId, update);
    }

    @Override
    public Health health() {
        return delegate.health();
    }

    @Override
    public void close() {
        delegate.close();
    }

    @Override
    public Page<RunLog> listRunLogs(String runId, ListQuery query) {
        return delegate.listRunLogs(runId, query);
    }

    @Override
    public Page<io.runflow.model.NodeRun> listNodeRuns(String runId, ListQuery query) {
        return delegate.listNodeRuns(runId, query);
    }

    @Override
    public io.runflow.model.NodeRun getNodeRun(String runId, String nodeRunId) {
        return delegate.getNodeRun(runId, nodeRunId);
    }

    @Override
    public List<RunStatusDefinition> listRunStatuses() {
        return delegate.listRunStatuses();
    }

    @Override
    public Batch createBatch(BatchRequest request) {
        return delegate.createBatch(request);
    }

    @Override
    public Batch getBatch(String batchId) {
        return delegate.getBatch(batchId);
    }

    @Override
    public Page<BatchItem> listBatchItems(String batchId, ListQuery query) {
        return delegate.listBatchItems(batchId, query);
    }

    @Override
    public BatchItem getBatchItem(String batchId, String itemId) {
        return delegate.getBatchItem(batchId, itemId);
    }

    @Override
    public List<CallbackDelivery> listBatchCallbackDeliveries(String batchId) {
        return delegate.listBatchCallbackDeliveries(batchId);
    }

    @Override
    public CallbackDelivery redeliverBatchCallback(String batchId, String idempotencyKey) {
        return delegate.redeliverBatchCallback(batchId, idempotencyKey);
    }

    @Override
    public AssetUpload createAssetUpload(AssetUploadRequest request, String idempotencyKey) {
        return delegate.createAssetUpload(request, idempotencyKey);
    }

    @Override
    public Asset confirmAssetUpload(String assetUploadId, String folderId, String idempotencyKey) {
        return delegate.confirmAssetUpload(assetUploadId, folderId, idempotencyKey);
    }

    @Override
    public Asset getAsset(String assetId) {
        return delegate.getAsset(assetId);
    }

    @Override
    public List<AssetType> listAssetTypes() {
        return delegate.listAssetTypes();
    }

    @Override
    public Me me() {
        return delegate.me();
    }

    @Override
    public Balance getBalance() {
        return delegate.getBalance();
    }

    @Override
    public Balance updateLowBalanceThreshold(BigDecimal threshold) {
        return delegate.updateLowBalanceThreshold(threshold);
    }

    @Override
    public Page<io.runflow.model.Webhook> listWebhooks(ListQuery query) {
        return delegate.listWebhooks(query);
    }

    @Override
    public io.runflow.model.Webhook getWebhook(String webhookId) {
        return delegate.getWebhook(webhookId);
    }

    @Override
    public io.runflow.model.Webhook updateWebhook(String webhookId, io.runflow.model.WebhookUpdate update) {
        return delegate.updateWebhook(webhookId, update);
    }

    @Override
    public void deleteWebhook(String webhookId) {
        delegate.deleteWebhook(webhookId);
    }

    @Override
    public Page<io.runflow.model.WebhookEventType> listWebhookEventTypes(ListQuery query) {
        return delegate.listWebhookEventTypes(query);
    }

    @Override
    public Page<io.runflow.model.WebhookDelivery> listWebhookDeliveries(String webhookId, ListQuery query) {
        return delegate.listWebhookDeliveries(webhookId, query);
    }

    @Override
    public Page<io.runflow.model.WebhookAttempt> listWebhookDeliveryAttempts(
            String webhookId, String deliveryId, ListQuery query) {
        return delegate.listWebhookDeliveryAttempts(webhookId, deliveryId, query);
    }
}
