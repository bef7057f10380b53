package io.runflow.feign;

import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Feign;
import feign.FeignException;
import feign.Logger;
import feign.Request;
import io.runflow.RawResponse;
import io.runflow.RequestOptions;
import io.runflow.RunflowApi;
import io.runflow.RunflowObserver;
import io.runflow.RunflowOptions;
import io.runflow.RunflowTransport;
import io.runflow.errors.RunflowException;
import io.runflow.internal.Lazy;
import io.runflow.internal.LazyHttpClient;
import io.runflow.internal.ModelIds;
import io.runflow.internal.json.AccountWire;
import io.runflow.internal.json.AssetWire;
import io.runflow.internal.json.CallbackSecretWire;
import io.runflow.internal.json.RunWire;
import io.runflow.internal.json.RunflowJson;
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
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Runflow's HTTP API over OpenFeign and the JDK's {@code java.net.http} client: the {@link
 * RunflowApi} that {@code RunflowClient} uses when {@code runflow-feign} is on the class path.
 *
 * <p>Applications rarely name this class: {@code RunflowClient.builder().apiKey(key).build()} finds
 * it through {@link java.util.ServiceLoader}. Name it to reach Feign's extension points:
 *
 * <pre>{@code
 * RunflowClient runflow = RunflowClient.builder()
 *         .apiKey(key)
 *         .transport(RunflowFeign.transport(builder -> builder.logLevel(Logger.Level.FULL))) // feign.Logger
 *         .build();
 * }</pre>
 *
 * <p>What it sets up: bearer auth, {@code X-Organization-Id}, {@code User-Agent} and {@code Accept}
 * on every request; the caller's {@code Idempotency-Key} on every {@code POST}, the same on each
 * attempt (core decides it; this class never makes one); core's JSON mapping; every non-2xx status mapped by core to its typed
 * exception; retries by the options' {@link io.runflow.RetryPolicy}, delays slept by the options'
 * {@link io.runflow.Sleeper}; connect and read timeouts from the options (capped at about 24.8 days, Feign's
 * limit), the read timeout bounding each attempt's whole answer, body included; answers read up to 16
 * MiB, a larger 2xx body failing with a {@link io.runflow.errors.RunflowDecodingException} that names
 * the limit (fixed: no Runflow answer comes near it; a client set through the customizer reads as it
 * reads); HTTP/1.1 for every base URL (h2 when you pass such a client through the customizer); SLF4J
 * attempts and retries reported to the options' {@link io.runflow.RunflowObserver}; SLF4J
 * logging at DEBUG (logger {@code io.runflow.feign.RunflowFeign}, Feign level {@code BASIC} unless
 * customized) that never shows the API key or a webhook secret.
 *
 * <p>Retries: 429 and a refused or timed-out connect (the request never reached Runflow) on every
 * call. Ambiguous failures (5xx; read timeout, reset or dropped connection after the request was
 * sent) only where repeating cannot apply the call twice: {@code GET}s, {@code PATCH}es, run and batch
 * create (their key makes Runflow replay the first answer) and the admin cancellation (idempotent).
 * Creating a callback secret, redelivering a run's or a batch's callback, and the asset-upload
 * session and confirmation are not repeated after an ambiguous failure: the
 * {@link io.runflow.errors.ServerException} or {@link io.runflow.errors.RunflowIoException} is thrown
 * at once, its message ending {@code "; not retried: the request may have been applied, check before
 * repeating it"}.
 *
 * <p>Thread-safe. Every method throws only core's exceptions: {@link io.runflow.errors.RunflowApiException}
 * subclasses, {@link io.runflow.errors.RunflowIoException} and {@link io.runflow.errors.RunflowDecodingException}.
 */
public final class RunflowFeign implements RunflowApi {

    /**
     * The Feign proxy, built on the first call rather than with the client: reading the endpoints'
     * annotations and templates and making a handler for each loads a few hundred classes, which an
     * application's start-up need not pay for a client it has not used yet.
     */
    private final Lazy<RunflowFeignApi> api;

    private final LazyHttpClient httpClient;
    private final boolean observed;

    /** A {@link #withOptions} view's settings, or {@code null} for the API client itself. */
    private final RequestOptions callOptions;

    private RunflowFeign(Supplier<RunflowFeignApi> target, LazyHttpClient httpClient, boolean observed) {
        this(new Lazy<>(target), httpClient, observed, null);
    }

    private RunflowFeign(
            Lazy<RunflowFeignApi> api, LazyHttpClient httpClient, boolean observed, RequestOptions callOptions) {
        this.api = api;
        this.httpClient = httpClient;
        this.observed = observed;
        this.callOptions = callOptions;
    }

    private RunflowFeignApi api() {
        return api.get();
    }

    /**
     * Returns the transport with the SDK's Feign configuration, for {@code
     * RunflowClient.builder().transport(..)}.
     *
     * @return the transport
     */
    public static RunflowTransport transport() {
        return transport(builder -> {});
    }

    /**
     * Returns a transport whose Feign builder is adjusted by {@code customizer} after the SDK's
     * configuration.
     *
     * @param customizer changes the builder; see {@link FeignCustomizer} for what stays safe
     * @return the transport
     */
    public static RunflowTransport transport(FeignCustomizer customizer) {
        Objects.requireNonNull(customizer, "customizer");
        return options -> create(options, customizer);
    }

    /**
     * Creates the API client for frozen options (those of a {@code RunflowClient}).
     *
     * @param options the options
     * @return the API client; close it to release its HTTP client where the JDK allows
     */
    public static RunflowFeign create(RunflowOptions options) {
        return create(options, builder -> {});
    }

    /**
     * Creates the API client, letting {@code customizer} adjust the Feign builder last.
     *
     * @param options the options
     * @param customizer changes the builder; see {@link FeignCustomizer} for what stays safe
     * @return the API client
     */
    public static RunflowFeign create(RunflowOptions options, FeignCustomizer customizer) {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(customizer, "customizer");
        ObjectMapper mapper = RunflowJson.mapper();
        Request.Options timeouts =
                new Request.Options(feignMillis(options.connectTimeout()), feignMillis(options.readTimeout()), false);
        LazyHttpClient httpClient = new LazyHttpClient(() -> httpClient(timeouts));
        Feign.Builder builder = new RunflowFeignBuilder(new RunflowEncoder(mapper), timeouts)
                .client(new DeferredClient(httpClient))
                .decoder(new RunflowDecoder(mapper, options.apiKey()))
                .errorDecoder(new RunflowErrorDecoder(options.apiKey()))
                .retryer(new PolicyRetryer(options.retryPolicy(), options.sleeper(), options.observer()))
                .logger(new RedactingLogger(options.apiKey()))
                .logLevel(Logger.Level.BASIC)
                // First, so the observer's wrapper (and any a customizer adds) sees the request as sent.
                .addCapability(new PerCallCapability());
        RunflowObserver observer = options.observer();
        boolean observed = observer != RunflowObserver.noop();
        if (observed) {
            // A capability, not a client: it wraps whichever client the customizer ends up setting.
            builder.addCapability(new ObservingCapability(observer));
        }
        customizer.customize(builder);
        RunflowTarget<RunflowFeignApi> target =
                new RunflowTarget<>(RunflowFeignApi.class, options.baseUrl().toString(), new CommonHeaders(options));
        return new RunflowFeign(() -> builder.target(target), httpClient, observed);
    }

    /**
     * One JDK client per API client, so connections are pooled and reused. Its connect timeout and
     * redirect setting equal {@code timeouts}: otherwise feign-java11 builds a second client behind a
     * soft reference, whose pool the garbage collector may drop at any time.
     */
    private static HttpClient httpClient(Request.Options timeouts) {
        return HttpClient.newBuilder()
                // HTTP/1.1 for every scheme, as design.md asks: h2c upgrades on http:// cost a round trip
                // and stall some servers. For h2 over TLS, pass your own client through the customizer.
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofMillis(timeouts.connectTimeoutMillis()))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Feign keeps timeouts as {@code int} milliseconds: a longer one (about 24.8 days) is capped. */
    static Duration feignMillis(Duration timeout) {
        return Duration.ofMillis(Math.min(timeout.toMillis(), Integer.MAX_VALUE));
    }

    /**
     * Returns a view sharing this client's Feign proxy and connections, whose calls carry {@code
     * options}' headers, read timeout, retries and idempotency key.
     *
     * @param options the settings
     * @return the view; closing it does nothing
     */
    @Override
    public RunflowFeign withOptions(RequestOptions options) {
        Objects.requireNonNull(options, "options");
        return new RunflowFeign(api, httpClient, observed, options);
    }

    /**
     * Runs {@code call} on this thread and returns its result with the last answer's status and headers.
     *
     * @param call one call of this API's methods
     * @param <T> the type of the call's result
     * @return the result with its answer's status and headers
     */
    @Override
    public <T> RawResponse<T> exchange(Supplier<? extends T> call) {
        Objects.requireNonNull(call, "call");
        return CallScope.capturing(callOptions, call);
    }

    @Override
    public Run createRun(RunRequest request) {
        Objects.requireNonNull(request, "request");
        String key = key(request.idempotencyKey(), "request.idempotencyKey()");
        String model = modelPath(request.modelId());
        return call(() -> api().createRun(model, key, request));
    }

    @Override
    public Run getRun(String runId) {
        String id = segment(runId, "runId");
        return call(() -> api().getRun(id));
    }

    @Override
    public Page<Run> listRuns(ListQuery query) {
        Objects.requireNonNull(query, "query");
        return call(() -> api().listRuns(query.toParameters()));
    }

    @Override
    public List<CallbackDelivery> listCallbackDeliveries(String runId) {
        String id = segment(runId, "runId");
        return call(() -> api().listCallbackDeliveries(id));
    }

    @Override
    public CallbackDelivery redeliverCallback(String runId, String idempotencyKey) {
        String id = segment(runId, "runId");
        String key = key(idempotencyKey, "idempotencyKey");
        return call(() -> api().redeliverCallback(id, key));
    }

    @Override
    public Page<RunLog> listRunLogs(String runId, ListQuery query) {
        String id = segment(runId, "runId");
        Objects.requireNonNull(query, "query");
        return call(() -> api().listRunLogs(id, query.toParameters()));
    }

    @Override
    public Page<NodeRun> listNodeRuns(String runId, ListQuery query) {
        String id = segment(runId, "runId");
        Objects.requireNonNull(query, "query");
        return call(() -> api().listNodeRuns(id, query.toParameters()));
    }

    @Override
    public NodeRun getNodeRun(String runId, String nodeRunId) {
        String run = segment(runId, "runId");
        String id = segment(nodeRunId, "nodeRunId");
        return call(() -> api().getNodeRun(run, id));
    }

    @Override
    public List<RunStatusDefinition> listRunStatuses() {
        return call(() -> api().listRunStatuses().statuses());
    }

    @Override
    public Batch createBatch(BatchRequest request) {
        Objects.requireNonNull(request, "request");
        String key = key(request.idempotencyKey(), "request.idempotencyKey()");
        String model = modelPath(request.modelId());
        return call(() -> api().createBatch(model, key, request));
    }

    @Override
    public Batch getBatch(String batchId) {
        String id = segment(batchId, "batchId");
        return call(() -> api().getBatch(id));
    }

    @Override
    public Page<BatchItem> listBatchItems(String batchId, ListQuery query) {
        String id = segment(batchId, "batchId");
        Objects.requireNonNull(query, "query");
        return call(() -> api().listBatchItems(id, query.toParameters()));
    }

    @Override
    public BatchItem getBatchItem(String batchId, String itemId) {
        String batch = segment(batchId, "batchId");
        String item = segment(itemId, "itemId");
        return call(() -> api().getBatchItem(batch, item));
    }

    @Override
    public List<CallbackDelivery> listBatchCallbackDeliveries(String batchId) {
        String id = segment(batchId, "batchId");
        return call(() -> api().listBatchCallbackDeliveries(id));
    }

    @Override
    public CallbackDelivery redeliverBatchCallback(String batchId, String idempotencyKey) {
        String id = segment(batchId, "batchId");
        String key = key(idempotencyKey, "idempotencyKey");
        return call(() -> api().redeliverBatchCallback(id, key));
    }

    @Override
    public AssetUpload createAssetUpload(AssetUploadRequest request, String idempotencyKey) {
        Objects.requireNonNull(request, "request");
        String key = key(idempotencyKey, "idempotencyKey");
        return call(() -> api().createAssetUpload(key, request));
    }

    @Override
    public Asset confirmAssetUpload(String assetUploadId, String folderId, String idempotencyKey) {
        String id = segment(assetUploadId, "assetUploadId");
        String key = key(idempotencyKey, "idempotencyKey");
        return call(() -> api().confirmAssetUpload(id, key, AssetWire.assetConfirmationBody(folderId)));
    }

    @Override
    public Asset getAsset(String assetId) {
        String id = segment(assetId, "assetId");
        return call(() -> api().getAsset(id));
    }

    @Override
    public List<AssetType> listAssetTypes() {
        return call(() -> api().listAssetTypes().types());
    }

    @Override
    public Me me() {
        // One comma-separated value, as the contract shows it; a template literal would be split in two.
        return call(() -> api().me("memberships,organizations"));
    }

    @Override
    public Balance getBalance() {
        return call(() -> api().getBalance());
    }

    @Override
    public Balance updateLowBalanceThreshold(BigDecimal threshold) {
        Objects.requireNonNull(threshold, "threshold");
        return call(() -> api().updateBalance(AccountWire.balanceThresholdBody(threshold)));
    }

    @Override
    public Run cancelRun(String runId, String reason, String idempotencyKey) {
        String id = segment(runId, "runId");
        String key = key(idempotencyKey, "idempotencyKey");
        return call(() -> api().cancelRun(id, key, RunWire.cancellationBody(reason)));
    }

    @Override
    public Page<Model> listModels(ListQuery query) {
        Objects.requireNonNull(query, "query");
        return call(() -> api().listModels(query.toParameters()));
    }

    @Override
    public Model getModel(String modelId) {
        String model = modelPath(modelId);
        return call(() -> api().getModel(model));
    }

    @Override
    public Page<Model> listPublicModels(ListQuery query) {
        Objects.requireNonNull(query, "query");
        return call(() -> api().listPublicModels(query.toParameters()));
    }

    @Override
    public CallbackSecret createCallbackSecret(String label, String idempotencyKey) {
        String key = key(idempotencyKey, "idempotencyKey");
        return call(() -> api().createCallbackSecret(key, CallbackSecretWire.callbackSecretCreateBody(label)));
    }

    @Override
    public CallbackSecret getCallbackSecret(String secretId) {
        String id = segment(secretId, "secretId");
        return call(() -> api().getCallbackSecret(id));
    }

    @Override
    public CallbackSecret updateCallbackSecret(String secretId, CallbackSecretUpdate update) {
        String id = segment(secretId, "secretId");
        Objects.requireNonNull(update, "update");
        return call(() -> api().updateCallbackSecret(id, update));
    }

    @Override
    public Page<Webhook> listWebhooks(ListQuery query) {
        Objects.requireNonNull(query, "query");
        return call(() -> api().listWebhooks(query.toParameters()));
    }

    @Override
    public Webhook getWebhook(String webhookId) {
        String id = segment(webhookId, "webhookId");
        // One comma-separated value, as for me(): a template literal would be split in two.
        return call(() -> api().getWebhook(id, "deliveries,event_subscriptions"));
    }

    @Override
    public Webhook updateWebhook(String webhookId, WebhookUpdate update) {
        String id = segment(webhookId, "webhookId");
        Objects.requireNonNull(update, "update");
        return call(() -> api().updateWebhook(id, update));
    }

    @Override
    public void deleteWebhook(String webhookId) {
        String id = segment(webhookId, "webhookId");
        call(() -> {
            api().deleteWebhook(id);
            return null;
        });
    }

    @Override
    public Page<WebhookEventType> listWebhookEventTypes(ListQuery query) {
        Objects.requireNonNull(query, "query");
        return call(() -> api().listWebhookEventTypes(query.toParameters()));
    }

    @Override
    public Page<WebhookDelivery> listWebhookDeliveries(String webhookId, ListQuery query) {
        String id = segment(webhookId, "webhookId");
        Objects.requireNonNull(query, "query");
        return call(() -> api().listWebhookDeliveries(id, query.toParameters()));
    }

    @Override
    public Page<WebhookAttempt> listWebhookDeliveryAttempts(String webhookId, String deliveryId, ListQuery query) {
        String webhook = segment(webhookId, "webhookId");
        String id = segment(deliveryId, "deliveryId");
        Objects.requireNonNull(query, "query");
        return call(() -> api().listWebhookDeliveryAttempts(webhook, id, query.toParameters()));
    }

    @Override
    public Health health() {
        return call(() -> api().health());
    }

    /**
     * Stops the JDK client from taking new requests and lets it release its selector thread and
     * pooled connections once in-flight requests end (JDK 21 and later; on JDK 17 the client is simply
     * left to the garbage collector). Does not wait.
     */
    @Override
    public void close() {
        if (callOptions != null) {
            return;
        }
        httpClient.shutdown();
    }

    @Override
    public String toString() {
        return "RunflowFeign[HTTP_1_1]";
    }

    /**
     * Encodes each segment and then the separators too: a value of unreserved characters and {@code
     * %XX} only is one Feign leaves alone, and the endpoint's {@code decodeSlash} restores the
     * separators. No segment contains a {@code /}, so every {@code %2F} is a separator.
     */
    private static String modelPath(String modelId) {
        return ModelIds.toPath(modelId).replace("/", "%2F");
    }

    /**
     * The caller's key, sent unchanged on every attempt. Core decides keys (one per logical call); a
     * transport that made its own would hide a caller that forgot one, and two places would decide.
     */
    private String key(String idempotencyKey, String name) {
        Objects.requireNonNull(
                idempotencyKey, () -> name + " is required: core's services set one per call (see RunflowApi)");
        // A view's key is the caller's choice for every POST through it, as RunflowApi#withOptions says.
        return callOptions == null
                ? idempotencyKey
                : callOptions.idempotencyKey().orElse(idempotencyKey);
    }

    /** One path segment, percent-encoded; a {@code /} inside it stays encoded. */
    private static String segment(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return ModelIds.encodeSegment(value);
    }

    private <T> T call(Supplier<T> request) {
        if (callOptions != null) {
            return CallScope.withOptions(callOptions, () -> send(request));
        }
        return send(request);
    }

    private <T> T send(Supplier<T> request) {
        try {
            return observed ? Attempts.counting(request) : request.get();
        } catch (RunflowException e) {
            throw e;
        } catch (FeignException e) {
            throw Failures.toRunflow(e);
        }
    }
}
