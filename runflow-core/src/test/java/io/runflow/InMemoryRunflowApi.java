package io.runflow;

import io.runflow.errors.NotFoundException;
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
import io.runflow.model.JsonValue;
import io.runflow.model.ListQuery;
import io.runflow.model.Me;
import io.runflow.model.Model;
import io.runflow.model.OutputFile;
import io.runflow.model.Page;
import io.runflow.model.Run;
import io.runflow.model.RunFailure;
import io.runflow.model.RunLog;
import io.runflow.model.RunOutput;
import io.runflow.model.RunRequest;
import io.runflow.model.RunStatus;
import io.runflow.model.RunStatusDefinition;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A {@link RunflowApi} in memory, for core's tests of waiting and paging (HTTP is tested in
 * runflow-feign against the fake server). Each run answers its gets from a script of states; the
 * last state repeats.
 */
final class InMemoryRunflowApi implements RunflowApi {

    private final Map<String, Deque<Supplier<Run>>> scripts = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> gets = new ConcurrentHashMap<>();
    private final Map<String, Deque<Batch>> batchScripts = new ConcurrentHashMap<>();
    private final List<RunRequest> creates = new ArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();
    private volatile List<Page<Run>> pages = List.of();
    private final List<ListQuery> listQueries = new ArrayList<>();

    /** Scripts the states a run's gets return, in order; the last one repeats. */
    @SafeVarargs
    final InMemoryRunflowApi script(String runId, Supplier<Run>... states) {
        Deque<Supplier<Run>> script = new ArrayDeque<>();
        for (Supplier<Run> state : states) {
            script.add(state);
        }
        scripts.put(runId, script);
        return this;
    }

    InMemoryRunflowApi script(String runId, RunStatus... statuses) {
        Deque<Supplier<Run>> script = new ArrayDeque<>();
        for (RunStatus status : statuses) {
            Run run = run(runId, status);
            script.add(() -> run);
        }
        scripts.put(runId, script);
        return this;
    }

    InMemoryRunflowApi pages(List<Page<Run>> pages) {
        this.pages = List.copyOf(pages);
        return this;
    }

    int gets(String runId) {
        AtomicInteger count = gets.get(runId);
        return count == null ? 0 : count.get();
    }

    synchronized List<RunRequest> creates() {
        return List.copyOf(creates);
    }

    synchronized List<ListQuery> listQueries() {
        return List.copyOf(listQueries);
    }

    static Run run(String id, RunStatus status) {
        return run(id, status, status.value());
    }

    static Run run(String id, RunStatus status, String statusCode) {
        RunOutput output = status == RunStatus.SUCCEEDED || status == RunStatus.PARTIAL_SUCCEEDED
                ? new RunOutput(
                        List.of(new OutputFile(
                                "https://files.example/" + id + ".jpg", "image", 64, 48, "image/jpeg", null)),
                        42L,
                        null,
                        false,
                        null)
                : null;
        RunFailure failure = status == RunStatus.FAILED
                ? new RunFailure("INPUT_VALIDATION_FAILED", "preprocess", "bad input")
                : null;
        return Run.builder()
                .id(id)
                .status(status)
                .statusCode(statusCode)
                .targetType("model")
                .output(output)
                .failure(failure)
                .build();
    }

    @Override
    public synchronized Run createRun(RunRequest request) {
        creates.add(request);
        String id = "run-" + ids.incrementAndGet();
        if (!scripts.containsKey(id)) {
            script(id, RunStatus.QUEUED, RunStatus.RUNNING, RunStatus.SUCCEEDED);
        }
        return run(id, RunStatus.QUEUED);
    }

    @Override
    public Run getRun(String runId) {
        gets.computeIfAbsent(runId, id -> new AtomicInteger()).incrementAndGet();
        Deque<Supplier<Run>> script = scripts.get(runId);
        if (script == null) {
            throw new NotFoundException(
                    404,
                    new io.runflow.model.ApiError("RUN_NOT_FOUND", "no run " + runId, List.of()),
                    null,
                    "404 RUN_NOT_FOUND: no run " + runId);
        }
        Supplier<Run> next;
        synchronized (script) {
            next = script.size() > 1 ? script.poll() : script.peek();
        }
        return next.get();
    }

    @Override
    public synchronized Page<Run> listRuns(ListQuery query) {
        listQueries.add(query);
        int index = query.cursor() == null ? 0 : Integer.parseInt(query.cursor());
        return pages.get(index);
    }

    @Override
    public List<CallbackDelivery> listCallbackDeliveries(String runId) {
        return List.of();
    }

    @Override
    public CallbackDelivery redeliverCallback(String runId, String idempotencyKey) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Run cancelRun(String runId, String reason, String idempotencyKey) {
        return run(runId, RunStatus.CANCELED);
    }

    @Override
    public Page<Model> listModels(ListQuery query) {
        return new Page<>(List.of(), null, null, null);
    }

    @Override
    public Model getModel(String modelId) {
        JsonValue raw = JsonValue.object(Map.of("id", "m-1"));
        return Model.builder()
                .id("m-1")
                .slug(modelId)
                .name(modelId)
                .statusCode("active")
                .isPublic(true)
                .raw(raw)
                .build();
    }

    @Override
    public Page<Model> listPublicModels(ListQuery query) {
        return new Page<>(List.of(), null, null, null);
    }

    @Override
    public CallbackSecret createCallbackSecret(String label, String idempotencyKey) {
        throw new UnsupportedOperationException();
    }

    @Override
    public CallbackSecret getCallbackSecret(String secretId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public CallbackSecret updateCallbackSecret(String secretId, CallbackSecretUpdate update) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Health health() {
        return new Health(true, null);
    }

    @Override
    public Page<RunLog> listRunLogs(String runId, ListQuery query) {
        throw new UnsupportedOperationException("listRunLogs");
    }

    @Override
    public Page<io.runflow.model.NodeRun> listNodeRuns(String runId, ListQuery query) {
        throw new UnsupportedOperationException("listNodeRuns");
    }

    @Override
    public io.runflow.model.NodeRun getNodeRun(String runId, String nodeRunId) {
        throw new UnsupportedOperationException("getNodeRun");
    }

    @Override
    public List<RunStatusDefinition> listRunStatuses() {
        throw new UnsupportedOperationException("listRunStatuses");
    }

    @Override
    public Batch createBatch(BatchRequest request) {
        throw new UnsupportedOperationException("createBatch");
    }

    @Override
    public Batch getBatch(String batchId) {
        gets.computeIfAbsent(batchId, id -> new AtomicInteger()).incrementAndGet();
        Deque<Batch> script = batchScripts.get(batchId);
        if (script == null) {
            throw new UnsupportedOperationException("no batch script for " + batchId);
        }
        synchronized (script) {
            return script.size() > 1 ? script.poll() : script.peek();
        }
    }

    @Override
    public Page<BatchItem> listBatchItems(String batchId, ListQuery query) {
        throw new UnsupportedOperationException("listBatchItems");
    }

    @Override
    public BatchItem getBatchItem(String batchId, String itemId) {
        throw new UnsupportedOperationException("getBatchItem");
    }

    @Override
    public List<CallbackDelivery> listBatchCallbackDeliveries(String batchId) {
        throw new UnsupportedOperationException("listBatchCallbackDeliveries");
    }

    @Override
    public CallbackDelivery redeliverBatchCallback(String batchId, String idempotencyKey) {
        throw new UnsupportedOperationException("redeliverBatchCallback");
    }

    @Override
    public AssetUpload createAssetUpload(AssetUploadRequest request, String idempotencyKey) {
        throw new UnsupportedOperationException("createAssetUpload");
    }

    @Override
    public Asset confirmAssetUpload(String assetUploadId, String folderId, String idempotencyKey) {
        throw new UnsupportedOperationException("confirmAssetUpload");
    }

    @Override
    public Asset getAsset(String assetId) {
        throw new UnsupportedOperationException("getAsset");
    }

    @Override
    public List<AssetType> listAssetTypes() {
        throw new UnsupportedOperationException("listAssetTypes");
    }

    @Override
    public Me me() {
        throw new UnsupportedOperationException("me");
    }

    @Override
    public Balance getBalance() {
        throw new UnsupportedOperationException("getBalance");
    }

    @Override
    public Balance updateLowBalanceThreshold(BigDecimal threshold) {
        throw new UnsupportedOperationException("updateLowBalanceThreshold");
    }

    /** Scripts the states a batch's gets return, in order; the last one repeats. */
    InMemoryRunflowApi scriptBatch(String batchId, Batch... states) {
        batchScripts.put(batchId, new ArrayDeque<>(List.of(states)));
        return this;
    }

    @Override
    public Page<io.runflow.model.Webhook> listWebhooks(ListQuery query) {
        throw new UnsupportedOperationException("listWebhooks");
    }

    @Override
    public io.runflow.model.Webhook getWebhook(String webhookId) {
        throw new UnsupportedOperationException("getWebhook");
    }

    @Override
    public io.runflow.model.Webhook updateWebhook(String webhookId, io.runflow.model.WebhookUpdate update) {
        throw new UnsupportedOperationException("updateWebhook");
    }

    @Override
    public void deleteWebhook(String webhookId) {
        throw new UnsupportedOperationException("deleteWebhook");
    }

    @Override
    public Page<io.runflow.model.WebhookEventType> listWebhookEventTypes(ListQuery query) {
        throw new UnsupportedOperationException("listWebhookEventTypes");
    }

    @Override
    public Page<io.runflow.model.WebhookDelivery> listWebhookDeliveries(String webhookId, ListQuery query) {
        throw new UnsupportedOperationException("listWebhookDeliveries");
    }

    @Override
    public Page<io.runflow.model.WebhookAttempt> listWebhookDeliveryAttempts(
            String webhookId, String deliveryId, ListQuery query) {
        throw new UnsupportedOperationException("listWebhookDeliveryAttempts");
    }
}
