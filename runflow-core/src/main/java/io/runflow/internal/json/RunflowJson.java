package io.runflow.internal.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.JsonNodeDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.runflow.internal.JsonLimits;
import io.runflow.model.ApiError;
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
import io.runflow.model.Me;
import io.runflow.model.Model;
import io.runflow.model.NodeRun;
import io.runflow.model.Page;
import io.runflow.model.Run;
import io.runflow.model.RunLog;
import io.runflow.model.RunOutput;
import io.runflow.model.RunRequest;
import io.runflow.model.RunStatusDefinition;
import io.runflow.model.Webhook;
import io.runflow.model.WebhookAttempt;
import io.runflow.model.WebhookDelivery;
import io.runflow.model.WebhookEventType;
import io.runflow.model.WebhookUpdate;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The one JSON configuration of the SDK. Transports encode with {@link #mapper()} and read answers
 * through a {@link BodyReader} over it (or register {@link #module()} in their own mapper), so every
 * record is read, and every request body written, by the wire class of its resource family ({@link
 * RunWire}, {@link BatchWire}, ...). Not public API.
 */
public final class RunflowJson {

    static final int MAX_NESTING_DEPTH = JsonLimits.MAX_NESTING_DEPTH;

    static final int MAX_NUMBER_LENGTH = JsonLimits.MAX_NUMBER_LENGTH;

    static final int MAX_STRING_LENGTH = JsonLimits.MAX_STRING_LENGTH;

    static final int MAX_NAME_LENGTH = JsonLimits.MAX_NAME_LENGTH;

    private static final JsonFactory FACTORY = JsonLimits.FACTORY;

    private static final ObjectMapper MAPPER = JsonMapper.builder(FACTORY)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .addModule(new JavaTimeModule())
            .addModule(module())
            .build();

    /**
     * The deserialization attribute a transport sets to the answer's {@code Runflow-Request-Id}, so
     * that records whose body has no {@code request_id} ({@link Run}, {@link Batch}, {@link Asset})
     * still carry one. Items of a list do not take it: it names the list's request.
     */
    public static final String REQUEST_ID_ATTRIBUTE = "runflow.requestId";

    /** Set while a page's items are read: a list item may lack fields a single answer must have. */
    static final String LIST_ITEM_ATTRIBUTE = "runflow.listItem";

    private RunflowJson() {}

    /**
     * Returns the shared, configured mapper. Do not reconfigure it; {@code copy()} it instead.
     *
     * @return the mapper
     */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * Returns every type {@link #module()} reads or writes: what a native image must keep for Jackson
     * (runflow-core's reachability metadata and the Spring starter's runtime hints name them; a test
     * checks this list against the module).
     *
     * @return the bound types
     */
    public static List<Class<?>> boundTypes() {
        return List.of(
                ApiError.class,
                Asset.class,
                AssetTypeList.class,
                AssetUpload.class,
                AssetUploadRequest.class,
                Balance.class,
                Batch.class,
                BatchItem.class,
                BatchRequest.class,
                CallbackDelivery.class,
                CallbackSecret.class,
                CallbackSecretUpdate.class,
                Health.class,
                Me.class,
                Model.class,
                NodeRun.class,
                Page.class,
                Run.class,
                RunLog.class,
                RunOutput.class,
                RunRequest.class,
                RunStatusList.class,
                Webhook.class,
                WebhookAttempt.class,
                WebhookDelivery.class,
                WebhookEventType.class,
                WebhookUpdate.class);
    }

    /**
     * Returns a module that teaches any {@link ObjectMapper} the SDK's records.
     *
     * @return a new module
     */
    public static SimpleModule module() {
        SimpleModule module = new SimpleModule("runflow");
        module.addDeserializer(
                Run.class,
                new ValueDeserializer<>(
                        Run.class,
                        (n, requestId, listItem) ->
                                listItem ? RunWire.listedRun(n, requestId) : RunWire.run(n, requestId)));
        module.addDeserializer(Batch.class, new TreeDeserializer<>(Batch.class, BatchWire::batch));
        module.addDeserializer(BatchItem.class, new TreeDeserializer<>(BatchItem.class, BatchWire::batchItem));
        module.addDeserializer(AssetUpload.class, new TreeDeserializer<>(AssetUpload.class, AssetWire::assetUpload));
        module.addDeserializer(Asset.class, new TreeDeserializer<>(Asset.class, AssetWire::asset));
        module.addDeserializer(
                AssetTypeList.class,
                new TreeDeserializer<>(AssetTypeList.class, n -> new AssetTypeList(AssetWire.assetTypes(n))));
        module.addDeserializer(Me.class, new TreeDeserializer<>(Me.class, AccountWire::me));
        module.addDeserializer(Balance.class, new TreeDeserializer<>(Balance.class, AccountWire::balance));
        module.addDeserializer(RunLog.class, new TreeDeserializer<>(RunLog.class, RunWire::runLog));
        module.addDeserializer(NodeRun.class, new TreeDeserializer<>(NodeRun.class, RunWire::nodeRun));
        module.addDeserializer(
                RunStatusList.class,
                new TreeDeserializer<>(RunStatusList.class, n -> new RunStatusList(RunWire.runStatuses(n))));
        module.addDeserializer(RunOutput.class, new TreeDeserializer<>(RunOutput.class, RunWire::output));
        module.addDeserializer(ApiError.class, new TreeDeserializer<>(ApiError.class, ApiErrors::apiError));
        module.addDeserializer(
                CallbackDelivery.class,
                new TreeDeserializer<>(CallbackDelivery.class, CallbackDeliveryWire::callbackDelivery));
        module.addDeserializer(Model.class, new TreeDeserializer<>(Model.class, ModelWire::model));
        module.addDeserializer(
                CallbackSecret.class, new TreeDeserializer<>(CallbackSecret.class, CallbackSecretWire::callbackSecret));
        module.addDeserializer(Webhook.class, new TreeDeserializer<>(Webhook.class, WebhookWire::webhook));
        module.addDeserializer(
                WebhookDelivery.class, new TreeDeserializer<>(WebhookDelivery.class, WebhookWire::delivery));
        module.addDeserializer(
                WebhookAttempt.class, new TreeDeserializer<>(WebhookAttempt.class, WebhookWire::attempt));
        module.addDeserializer(
                WebhookEventType.class, new TreeDeserializer<>(WebhookEventType.class, WebhookWire::eventType));
        module.addSerializer(WebhookUpdate.class, new TreeSerializer<>(WebhookUpdate.class, WebhookWire::updateBody));
        module.addDeserializer(Health.class, new TreeDeserializer<>(Health.class, AccountWire::health));
        @SuppressWarnings({"unchecked", "rawtypes"})
        Class<Page<?>> pageType = (Class) Page.class;
        module.addDeserializer(pageType, new PageDeserializer(null));
        module.addSerializer(RunRequest.class, new TreeSerializer<>(RunRequest.class, RunWire::runRequestBody));
        module.addSerializer(BatchRequest.class, new TreeSerializer<>(BatchRequest.class, BatchWire::batchRequestBody));
        module.addSerializer(
                AssetUploadRequest.class, new TreeSerializer<>(AssetUploadRequest.class, AssetWire::assetUploadBody));
        module.addSerializer(
                CallbackSecretUpdate.class,
                new TreeSerializer<>(CallbackSecretUpdate.class, CallbackSecretWire::callbackSecretUpdateBody));
        return module;
    }

    /**
     * Reads a page of {@code itemReader} items from a list response.
     *
     * @param node the response body
     * @param itemReader reads one item
     * @param <T> the item type
     * @return the page
     */
    public static <T> Page<T> page(JsonNode node, Function<JsonNode, T> itemReader) {
        if (node == null || !node.isObject() || !node.path("items").isArray()) {
            throw new IllegalArgumentException("a list response must be an object with an \"items\" array");
        }
        List<T> items = new ArrayList<>();
        for (JsonNode item : node.path("items")) {
            T value = itemReader.apply(item);
            if (value == null) {
                throw new IllegalArgumentException("item " + items.size() + " of a list response is null");
            }
            items.add(value);
        }
        return new Page<>(
                items,
                JsonFields.text(node, "first"),
                JsonFields.firstText(node, "next", "next_pq"),
                JsonFields.firstText(node, "previous", "prev_pq"));
    }

    /**
     * The answer of {@code GET /v1/assets/types}, whichever of its tolerated shapes it came in.
     *
     * @param types the types, in the order sent
     */
    public record AssetTypeList(List<AssetType> types) {
        /** Copies the list. */
        public AssetTypeList {
            types = List.copyOf(types);
        }
    }

    /**
     * The answer of {@code GET /v1/runs/statuses}, whichever of its tolerated shapes it came in.
     *
     * @param statuses the statuses, in the order sent
     */
    public record RunStatusList(List<RunStatusDefinition> statuses) {
        /** Copies the list. */
        public RunStatusList {
            statuses = List.copyOf(statuses);
        }
    }

    /** Reads a tree and hands it to a wire reader; its complaints become Jackson's. */
    private static final class TreeDeserializer<T> extends JsonDeserializer<T> {
        @SuppressWarnings("unchecked")
        private static final JsonDeserializer<JsonNode> NODES =
                (JsonDeserializer<JsonNode>) JsonNodeDeserializer.getDeserializer(JsonNode.class);

        private final Class<T> type;
        private final Reader<T> reader;

        TreeDeserializer(Class<T> type, Function<JsonNode, T> reader) {
            this(type, (node, requestId, listItem) -> reader.apply(node));
        }

        TreeDeserializer(Class<T> type, BiFunction<JsonNode, String, T> reader) {
            this(type, (node, requestId, listItem) -> reader.apply(node, requestId));
        }

        TreeDeserializer(Class<T> type, Reader<T> reader) {
            this.type = type;
            this.reader = reader;
        }

        @Override
        public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            // The running context reads the tree with Jackson's own node deserializer, looked up once:
            // readValueAsTree() would start a second context, context.readTree() look it up again.
            JsonNode node = parser.hasToken(JsonToken.VALUE_NULL)
                    ? context.getNodeFactory().nullNode()
                    : NODES.deserialize(parser, context);
            try {
                Object requestId = context.getAttribute(REQUEST_ID_ATTRIBUTE);
                return reader.read(
                        node,
                        requestId instanceof String ? (String) requestId : null,
                        Boolean.TRUE.equals(context.getAttribute(LIST_ITEM_ATTRIBUTE)));
            } catch (RuntimeException e) {
                // Whatever a reader trips over (a missing id, a value no record takes) is a body this SDK
                // cannot read, reported as Jackson reports any other mismatch, so transports wrap it alike.
                return context.reportInputMismatch(type, "cannot read %s: %s", type.getSimpleName(), e.getMessage());
            }
        }

        @Override
        public T getNullValue(DeserializationContext context) {
            return null;
        }
    }

    /**
     * Reads a {@link JsonValue} straight from the parser ({@link JsonValues#read}) and hands it to a
     * wire reader: the answer is materialised once, as the record's raw JSON, not first as a Jackson
     * tree. Its complaints become Jackson's, as {@link TreeDeserializer}'s do.
     */
    private static final class ValueDeserializer<T> extends JsonDeserializer<T> {
        private final Class<T> type;
        private final ValueReader<T> reader;

        ValueDeserializer(Class<T> type, ValueReader<T> reader) {
            this.type = type;
            this.reader = reader;
        }

        @Override
        public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonValue value = JsonValues.read(parser);
            try {
                Object requestId = context.getAttribute(REQUEST_ID_ATTRIBUTE);
                return reader.read(
                        value,
                        requestId instanceof String ? (String) requestId : null,
                        Boolean.TRUE.equals(context.getAttribute(LIST_ITEM_ATTRIBUTE)));
            } catch (RuntimeException e) {
                return context.reportInputMismatch(type, "cannot read %s: %s", type.getSimpleName(), e.getMessage());
            }
        }

        @Override
        public T getNullValue(DeserializationContext context) {
            return null;
        }
    }

    /** A wire reader of {@link JsonValue}s told the answer's request id and whether it is a list item. */
    @FunctionalInterface
    private interface ValueReader<T> {
        T read(JsonValue value, String requestId, boolean listItem);
    }

    /** A wire reader told the answer's request id and whether the node is a list item. */
    @FunctionalInterface
    private interface Reader<T> {
        T read(JsonNode node, String requestId, boolean listItem);
    }

    /** Reads {@code Page<T>} for whatever {@code T} the caller asked for. */
    private static final class PageDeserializer extends JsonDeserializer<Page<?>> implements ContextualDeserializer {
        private final JavaType itemType;

        PageDeserializer(JavaType itemType) {
            this.itemType = itemType;
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext context, BeanProperty property) {
            JavaType pageType = context.getContextualType() != null
                    ? context.getContextualType()
                    : property == null ? null : property.getType();
            JavaType item = pageType == null ? null : pageType.containedType(0);
            return new PageDeserializer(item == null ? context.constructType(JsonNode.class) : item);
        }

        @Override
        public Page<?> deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonNode node = parser.readValueAsTree();
            JavaType type = itemType == null ? context.constructType(JsonNode.class) : itemType;
            // The answer's request id names the list request, not each item's.
            context.setAttribute(REQUEST_ID_ATTRIBUTE, null);
            context.setAttribute(LIST_ITEM_ATTRIBUTE, Boolean.TRUE);
            try {
                return page(node, item -> {
                    try {
                        return context.readTreeAsValue(item, type);
                    } catch (JsonProcessingException e) {
                        // The original message: the location Jackson appends says nothing about the item.
                        throw new IllegalArgumentException(e.getOriginalMessage(), e);
                    } catch (IOException e) {
                        throw new IllegalArgumentException(e.getMessage(), e);
                    }
                });
            } catch (RuntimeException e) {
                return context.reportInputMismatch(Page.class, "cannot read Page: %s", e.getMessage());
            }
        }
    }

    /** Writes a record through a body function. */
    private static final class TreeSerializer<T> extends JsonSerializer<T> {
        private final Class<T> type;
        private final Function<T, JsonNode> writer;

        TreeSerializer(Class<T> type, Function<T, JsonNode> writer) {
            this.type = type;
            this.writer = writer;
        }

        @Override
        public void serialize(T value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            generator.writeTree(writer.apply(value));
        }

        @Override
        public Class<T> handledType() {
            return type;
        }
    }
}
