package io.runflow.internal.json;

import static io.runflow.internal.json.JsonFields.bool;
import static io.runflow.internal.json.JsonFields.decimal;
import static io.runflow.internal.json.JsonFields.firstText;
import static io.runflow.internal.json.JsonFields.intValue;
import static io.runflow.internal.json.JsonFields.longValue;
import static io.runflow.internal.json.JsonFields.millis;
import static io.runflow.internal.json.JsonFields.text;
import static io.runflow.internal.json.JsonFields.timestamp;
import static io.runflow.internal.json.JsonFields.tree;

import com.fasterxml.jackson.databind.JsonNode;
import io.runflow.model.ApiError;
import io.runflow.model.Asset;
import io.runflow.model.AssetType;
import io.runflow.model.AssetUpload;
import io.runflow.model.Balance;
import io.runflow.model.Batch;
import io.runflow.model.BatchItem;
import io.runflow.model.CallbackAttempt;
import io.runflow.model.CallbackDelivery;
import io.runflow.model.CallbackSecret;
import io.runflow.model.FieldError;
import io.runflow.model.Health;
import io.runflow.model.JsonValue;
import io.runflow.model.Me;
import io.runflow.model.Membership;
import io.runflow.model.Model;
import io.runflow.model.ModelInputDefinition;
import io.runflow.model.ModelOutputDefinition;
import io.runflow.model.Organization;
import io.runflow.model.OutputFile;
import io.runflow.model.Run;
import io.runflow.model.RunFailure;
import io.runflow.model.RunLog;
import io.runflow.model.RunOutput;
import io.runflow.model.RunStatus;
import io.runflow.model.RunStatusDefinition;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Reads the API's JSON into the model records. One place for every wire-format decision: both
 * spellings of canceled, both timestamp forms, old and new output shapes, old and new failure
 * field names. Not public API.
 */
public final class ModelReader {

    private ModelReader() {}

    /**
     * Reads a run.
     *
     * @param node a JSON object with at least {@code id}
     * @return the run
     * @throws IllegalArgumentException if {@code node} is not an object or has no {@code id}
     */
    public static Run run(JsonNode node) {
        return run(node, null);
    }

    /**
     * Reads a run, taking {@code headerRequestId} as its request id when the body has none.
     *
     * @param node a JSON object with at least {@code id}
     * @param headerRequestId the answer's {@code Runflow-Request-Id}, or {@code null}
     * @return the run
     */
    public static Run run(JsonNode node, String headerRequestId) {
        requireObject(node, "run");
        String id = requireText(node, "id", "run");
        String statusCode = firstText(node, "status_code", "status");
        JsonNode output = tree(node, "output");
        JsonValue json = JsonValues.of(node);
        return Run.builder()
                .id(id)
                .status(RunStatus.from(statusCode))
                .statusCode(statusCode)
                .modelId(text(node, "model_id"))
                .targetType(text(node, "target_type"))
                .orgId(text(node, "org_id"))
                .input(json.path("input"))
                .output(output == null || !output.isObject() ? null : output(output, json.path("output")))
                .cost(decimal(node, "cost"))
                .duration(millis(node, "duration_ms"))
                .clientRef(text(node, "client_ref"))
                .callbackUrl(text(node, "callback_url"))
                .metadata(json.path("metadata"))
                .batchId(text(node, "batch_id"))
                .requestId(requestId(node, headerRequestId))
                .createdAt(timestamp(node, "created_at"))
                .startedAt(timestamp(node, "started_at"))
                .completedAt(firstTimestamp(node))
                .failure(failure(node))
                .raw(json)
                .build();
    }

    /**
     * Reads a run output in the normalised {@code outputs[]} shape or the older {@code
     * image_urls[]} shape.
     *
     * @param node the {@code output} object
     * @return the output
     */
    public static RunOutput output(JsonNode node) {
        return output(node, JsonValues.of(node));
    }

    private static RunOutput output(JsonNode node, JsonValue raw) {
        requireObject(node, "output");
        List<OutputFile> files = new ArrayList<>();
        JsonNode outputs = node.path("outputs");
        if (outputs.isArray()) {
            for (JsonNode entry : outputs) {
                OutputFile file = outputFile(entry);
                if (file != null) {
                    files.add(file);
                }
            }
        } else if (node.path("image_urls").isArray()) {
            for (JsonNode url : node.path("image_urls")) {
                if (url.isTextual()) {
                    files.add(OutputFile.of(url.asText(), "image"));
                }
            }
        }
        return new RunOutput(files, longValue(node, "seed"), raw.path("timing"), bool(node, "nsfw_detected"), raw);
    }

    private static OutputFile outputFile(JsonNode entry) {
        if (entry.isTextual()) {
            return OutputFile.of(entry.asText(), null);
        }
        String url = entry.isObject() ? text(entry, "url") : null;
        if (url == null) {
            return null;
        }
        return new OutputFile(
                url,
                text(entry, "type"),
                intValue(entry, "width"),
                intValue(entry, "height"),
                firstText(entry, "content_type", "mime_type"),
                JsonValues.of(entry));
    }

    private static RunFailure failure(JsonNode node) {
        String code = text(node, "failure_code");
        String stage = firstText(node, "failure_stage_code", "failure_stage");
        String message = text(node, "failure_message");
        if (code == null && stage == null && message == null) {
            JsonNode error = node.path("error");
            if (error.isObject()) {
                return new RunFailure(text(error, "code"), null, text(error, "message"));
            }
            return null;
        }
        return new RunFailure(code, stage, message);
    }

    private static java.time.OffsetDateTime firstTimestamp(JsonNode node) {
        java.time.OffsetDateTime completed = timestamp(node, "completed_at");
        return completed != null ? completed : timestamp(node, "finished_at");
    }

    /**
     * Reads the error envelope, tolerating the nested {@code {"error": {...}}} form.
     *
     * @param node the body, which may be anything
     * @return the error; with {@code null} code and message if the body was not the envelope
     */
    public static ApiError apiError(JsonNode node) {
        if (node == null || !node.isObject()) {
            return new ApiError(null, null, List.of());
        }
        JsonNode envelope =
                node.has("code") || node.has("message") || !node.path("error").isObject() ? node : node.path("error");
        List<FieldError> errors = new ArrayList<>();
        JsonNode details = envelope.path("errors");
        if (details.isArray()) {
            for (JsonNode detail : details) {
                errors.add(fieldError(detail));
            }
        }
        return new ApiError(text(envelope, "code"), firstText(envelope, "message", "detail"), errors);
    }

    private static FieldError fieldError(JsonNode detail) {
        if (!detail.isObject()) {
            return new FieldError(null, detail.isValueNode() ? detail.asText() : null, JsonValues.of(detail));
        }
        String field = firstText(detail, "field", "path", "name");
        JsonNode loc = detail.path("loc");
        if (field == null && loc.isArray()) {
            StringBuilder joined = new StringBuilder();
            for (JsonNode part : loc) {
                if (joined.length() > 0) {
                    joined.append('.');
                }
                joined.append(part.asText());
            }
            field = joined.toString();
        }
        return new FieldError(field, firstText(detail, "message", "msg"), JsonValues.of(detail));
    }

    /**
     * Reads a callback delivery record.
     *
     * @param node a JSON object with at least {@code id}
     * @return the delivery
     */
    public static CallbackDelivery callbackDelivery(JsonNode node) {
        requireObject(node, "callback delivery");
        List<CallbackAttempt> attempts = new ArrayList<>();
        for (JsonNode attempt : node.path("attempts")) {
            if (attempt.isObject()) {
                Integer number = intValue(attempt, "attempt_number");
                attempts.add(CallbackAttempt.builder()
                        .id(text(attempt, "id"))
                        .attemptNumber(number == null ? attempts.size() + 1 : number)
                        .httpStatus(intValue(attempt, "status_code"))
                        .responseBody(text(attempt, "response_body"))
                        .responseTime(millis(attempt, "response_time_ms"))
                        .errorMessage(text(attempt, "error_message"))
                        .createdAt(timestamp(attempt, "created_at"))
                        .build());
            }
        }
        Integer attemptCount = intValue(node, "attempt_count");
        Integer maxAttempts = intValue(node, "max_attempts");
        JsonValue json = JsonValues.of(node);
        return CallbackDelivery.builder()
                .id(requireText(node, "id", "callback delivery"))
                .runId(text(node, "run_id"))
                .batchId(text(node, "batch_id"))
                .callbackUrl(text(node, "callback_url"))
                .payloadBytes(text(node, "payload_bytes"))
                .signingSecretId(text(node, "signing_secret_id"))
                .automatic(!Boolean.FALSE.equals(bool(node, "is_automatic")))
                .statusCode(text(node, "status_code"))
                .failureReasonCode(text(node, "failure_reason_code"))
                .attemptCount(attemptCount == null ? attempts.size() : attemptCount)
                .maxAttempts(maxAttempts == null ? 0 : maxAttempts)
                .nextAttemptAt(timestamp(node, "next_attempt_at"))
                .createdAt(timestamp(node, "created_at"))
                .completedAt(timestamp(node, "completed_at"))
                .attempts(attempts)
                .raw(json)
                .build();
    }

    /**
     * Reads a catalog model.
     *
     * @param node a JSON object with at least {@code id}
     * @return the model
     */
    public static Model model(JsonNode node) {
        requireObject(node, "model");
        JsonValue json = JsonValues.of(node);
        return Model.builder()
                .id(requireText(node, "id", "model"))
                .slug(text(node, "slug"))
                .name(text(node, "name"))
                .description(text(node, "description"))
                .statusCode(text(node, "status_code"))
                .isPublic(bool(node, "is_public"))
                .inputs(definitions(node.path("inputs"), ModelReader::inputDefinition))
                .outputs(definitions(node.path("outputs"), ModelReader::outputDefinition))
                .createdAt(timestamp(node, "created_at"))
                .raw(json)
                .build();
    }

    /**
     * Reads a callback secret; the secret material is kept out of {@code raw}.
     *
     * @param node a JSON object with at least {@code id}
     * @return the secret record
     */
    public static CallbackSecret callbackSecret(JsonNode node) {
        requireObject(node, "callback secret");
        JsonNode withoutSecret = node.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) withoutSecret).remove("plain_secret");
        return CallbackSecret.builder()
                .id(requireText(node, "id", "callback secret"))
                .orgId(text(node, "org_id"))
                .keyPrefix(text(node, "key_prefix"))
                .current(Boolean.TRUE.equals(bool(node, "is_current")))
                .label(text(node, "label"))
                .plainSecret(text(node, "plain_secret"))
                .disabledAt(timestamp(node, "disabled_at"))
                .lastUsedAt(timestamp(node, "last_used_at"))
                .createdAt(timestamp(node, "created_at"))
                .updatedAt(timestamp(node, "updated_at"))
                .raw(JsonValues.of(withoutSecret))
                .build();
    }

    /**
     * Reads the health body. A body without {@code ok} counts as live: the endpoint answered 2xx.
     *
     * @param node the body
     * @return the health
     */
    public static Health health(JsonNode node) {
        Boolean ok = node == null ? null : bool(node, "ok");
        return new Health(ok == null || ok, JsonValues.of(node));
    }

    private static String requestId(JsonNode node, String headerRequestId) {
        String body = text(node, "request_id");
        return body != null && !body.isBlank() ? body : headerRequestId;
    }

    /**
     * Reads a batch, from {@code POST /v1/models/{model}/batches} or {@code GET /v1/batches/{id}}.
     * The older guide's create answer ({@code {id, status_code, items_total}}) reads too.
     *
     * @param node a JSON object with at least {@code id}
     * @param headerRequestId the answer's {@code Runflow-Request-Id}, or {@code null}
     * @return the batch
     */
    public static Batch batch(JsonNode node, String headerRequestId) {
        requireObject(node, "batch");
        String statusCode = firstText(node, "status_code", "status");
        List<BatchItem> items = new ArrayList<>();
        for (JsonNode item : node.path("items")) {
            if (hasText(item, "id")) {
                items.add(batchItem(item));
            }
        }
        items.sort(Comparator.comparing(BatchItem::sequenceIndex, Comparator.nullsLast(Comparator.naturalOrder())));
        JsonValue json = JsonValues.of(node);
        return Batch.builder()
                .id(requireText(node, "id", "batch"))
                .status(RunStatus.from(statusCode))
                .statusCode(statusCode)
                .targetType(text(node, "target_type"))
                .targetId(text(node, "target_id"))
                .itemsTotal(count(node, "items_total", items.size()))
                .itemsSucceeded(count(node, "items_succeeded", 0))
                .itemsFailed(count(node, "items_failed", 0))
                .itemsCancelled(count(node, "items_cancelled", 0))
                .items(items)
                .cost(decimal(node, "cost"))
                .output(json.path("output"))
                .metadata(json.path("metadata"))
                .callbackUrl(text(node, "callback_url"))
                .requestId(requestId(node, headerRequestId))
                .createdAt(timestamp(node, "created_at"))
                .startedAt(timestamp(node, "started_at"))
                .completedAt(timestamp(node, "completed_at"))
                .failure(failure(node))
                .raw(json)
                .build();
    }

    /**
     * Reads a batch from a verified batch callback's body: {@code batch_id}, {@code status}, and the
     * {@code output} envelope {@code {items, succeeded, failed, cancelled, total}}.
     *
     * @param node the callback body
     * @param requestId the callback's {@code Runflow-Request-Id}, or {@code null}
     * @return the batch as the callback describes it
     */
    public static Batch batchFromCallback(JsonNode node, String requestId) {
        requireObject(node, "batch callback");
        String statusCode = firstText(node, "status");
        JsonNode output = node.path("output");
        List<BatchItem> items = new ArrayList<>();
        for (JsonNode item : output.path("items")) {
            if (hasText(item, "id")) {
                items.add(batchItem(item));
            }
        }
        JsonValue json = JsonValues.of(node);
        return Batch.builder()
                .id(requireText(node, "batch_id", "batch callback"))
                .status(RunStatus.from(statusCode))
                .statusCode(statusCode)
                .itemsTotal(count(output, "total", items.size()))
                .itemsSucceeded(count(output, "succeeded", 0))
                .itemsFailed(count(output, "failed", 0))
                .itemsCancelled(count(output, "cancelled", 0))
                .items(items)
                .output(json.path("output"))
                .metadata(json.path("metadata"))
                .requestId(requestId)
                .createdAt(timestamp(node, "created_at"))
                .completedAt(timestamp(node, "completed_at"))
                .raw(json)
                .build();
    }

    private static int count(JsonNode node, String field, int fallback) {
        Integer value = intValue(node, field);
        return value == null ? fallback : value;
    }

    /**
     * Reads a batch item, lean (inside a batch) or full ({@code GET /v1/batches/{id}/items}).
     *
     * @param node a JSON object with at least {@code id}
     * @return the item
     */
    public static BatchItem batchItem(JsonNode node) {
        requireObject(node, "batch item");
        String statusCode = firstText(node, "status_code", "status");
        JsonNode output = tree(node, "output");
        JsonNode run = tree(node, "run");
        JsonValue json = JsonValues.of(node);
        return BatchItem.builder()
                .id(requireText(node, "id", "batch item"))
                .batchId(text(node, "batch_id"))
                .sequenceIndex(intValue(node, "sequence_index"))
                .runId(text(node, "run_id"))
                .status(RunStatus.from(statusCode))
                .statusCode(statusCode)
                .clientRef(text(node, "client_ref"))
                .input(json.path("input"))
                .cost(decimal(node, "cost"))
                .output(output == null || !output.isObject() ? null : output(output, json.path("output")))
                .error(json.path("error"))
                .createdAt(timestamp(node, "created_at"))
                .startedAt(timestamp(node, "started_at"))
                .completedAt(timestamp(node, "completed_at"))
                .run(hasText(run, "id") ? run(run) : null)
                .raw(json)
                .build();
    }

    /**
     * Reads the answer of {@code POST /v1/asset-uploads}.
     *
     * @param node {@code {asset_id, upload_url}}
     * @return the upload session
     */
    public static AssetUpload assetUpload(JsonNode node) {
        requireObject(node, "asset upload");
        return new AssetUpload(
                requireText(node, "asset_id", "asset upload"), requireText(node, "upload_url", "asset upload"));
    }

    /**
     * Reads an asset.
     *
     * @param node a JSON object with at least {@code id}
     * @param headerRequestId the answer's {@code Runflow-Request-Id}, or {@code null}
     * @return the asset
     */
    public static Asset asset(JsonNode node, String headerRequestId) {
        requireObject(node, "asset");
        JsonValue json = JsonValues.of(node);
        return Asset.builder()
                .id(requireText(node, "id", "asset"))
                .orgId(text(node, "org_id"))
                .folderId(text(node, "folder_id"))
                .name(firstText(node, "name", "filename"))
                .url(text(node, "url"))
                .thumbnailUrl(text(node, "thumbnail_url"))
                .mimeType(firstText(node, "mime_type", "content_type"))
                .sizeBytes(longValue(node, "size_bytes"))
                .assetType(text(node, "asset_type"))
                .requestId(requestId(node, headerRequestId))
                .createdAt(timestamp(node, "created_at"))
                .raw(json)
                .build();
    }

    /**
     * Reads the supported upload types: an array, or an {@code items} envelope, of MIME strings or
     * objects with {@code mime_type}.
     *
     * @param node the body
     * @return the types, in the order sent
     */
    public static List<AssetType> assetTypes(JsonNode node) {
        JsonNode list = node != null && node.isObject() ? firstArray(node, "items", "types", "mime_types") : node;
        if (list == null || !list.isArray()) {
            throw new IllegalArgumentException("asset types must be a JSON array or an object with \"items\"");
        }
        List<AssetType> types = new ArrayList<>();
        for (JsonNode entry : list) {
            if (entry.isTextual() && !entry.asText().isBlank()) {
                types.add(new AssetType(entry.asText(), null, JsonValues.of(entry)));
            } else if (entry.isObject()) {
                String mime = firstText(entry, "mime_type", "mime", "content_type", "code");
                if (mime != null) {
                    types.add(new AssetType(mime, firstText(entry, "asset_type", "type"), JsonValues.of(entry)));
                }
            }
        }
        return types;
    }

    private static JsonNode firstArray(JsonNode node, String... fields) {
        for (String field : fields) {
            if (node.path(field).isArray()) {
                return node.path(field);
            }
        }
        return null;
    }

    /**
     * Reads {@code GET /v1/auth/me}.
     *
     * @param node a JSON object with at least {@code id}
     * @return the user
     */
    public static Me me(JsonNode node) {
        requireObject(node, "user");
        List<Membership> memberships = new ArrayList<>();
        for (JsonNode m : node.path("memberships")) {
            JsonNode org = m.path("org").isObject() ? m.path("org") : m.path("organization");
            Organization organization = org.isObject() && text(org, "id") != null
                    ? organization(org)
                    : text(m, "org_id") != null ? new Organization(text(m, "org_id"), null, null, null) : null;
            if (organization != null) {
                memberships.add(new Membership(organization, text(m, "role_code"), strings(m.path("scopes"))));
            }
        }
        List<Organization> organizations = new ArrayList<>();
        for (JsonNode org : node.path("organizations")) {
            if (hasText(org, "id")) {
                organizations.add(organization(org));
            }
        }
        JsonValue json = JsonValues.of(node);
        return Me.builder()
                .id(requireText(node, "id", "user"))
                .email(text(node, "email"))
                .firstName(text(node, "first_name"))
                .lastName(text(node, "last_name"))
                .avatarUrl(text(node, "avatar_url"))
                .timezone(text(node, "timezone"))
                .localeCode(text(node, "locale_code"))
                .emailVerifiedAt(timestamp(node, "email_verified_at"))
                .memberships(memberships)
                .organizations(organizations)
                .raw(json)
                .build();
    }

    private static Organization organization(JsonNode org) {
        return new Organization(text(org, "id"), text(org, "name"), text(org, "slug"), text(org, "plan_code"));
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        for (JsonNode value : array) {
            if (value.isTextual()) {
                values.add(value.asText());
            }
        }
        return values;
    }

    /**
     * Reads the credit balance: the OpenAPI's {@code {balance, low_balance_threshold, ...}} with
     * decimal strings, or the pricing page's {@code {balance_cents, currency}}.
     *
     * @param node the body
     * @return the balance
     */
    public static Balance balance(JsonNode node) {
        requireObject(node, "balance");
        BigDecimal balance = decimal(node, "balance");
        if (balance == null) {
            BigDecimal cents = decimal(node, "balance_cents");
            if (cents == null) {
                throw new IllegalArgumentException("balance has neither \"balance\" nor \"balance_cents\"");
            }
            balance = cents.movePointLeft(2);
        }
        JsonValue json = JsonValues.of(node);
        return Balance.builder()
                .id(text(node, "id"))
                .orgId(text(node, "org_id"))
                .balance(balance)
                .lowBalanceThreshold(decimal(node, "low_balance_threshold"))
                .lowBalanceNotifiedAt(timestamp(node, "low_balance_notified_at"))
                .createdAt(timestamp(node, "created_at"))
                .updatedAt(timestamp(node, "updated_at"))
                .raw(json)
                .build();
    }

    /**
     * Reads a run log entry.
     *
     * @param node a JSON object with at least {@code id}
     * @return the entry
     */
    public static RunLog runLog(JsonNode node) {
        requireObject(node, "run log");
        JsonValue json = JsonValues.of(node);
        return RunLog.builder()
                .id(requireText(node, "id", "run log"))
                .runId(text(node, "run_id"))
                .level(firstText(node, "level_code", "level"))
                .message(text(node, "message"))
                .timestamp(timestamp(node, "timestamp"))
                .meta(json.path("meta"))
                .raw(json)
                .build();
    }

    /**
     * Reads {@code GET /v1/runs/statuses}: an array or an {@code items} envelope, of status strings or
     * objects with {@code code} (or {@code status_code}, {@code value}).
     *
     * @param node the body
     * @return the statuses, in the order sent
     */
    public static List<RunStatusDefinition> runStatuses(JsonNode node) {
        JsonNode list = node != null && node.isObject() ? firstArray(node, "items", "statuses") : node;
        if (list == null || !list.isArray()) {
            throw new IllegalArgumentException("run statuses must be a JSON array or an object with \"items\"");
        }
        List<RunStatusDefinition> statuses = new ArrayList<>();
        for (JsonNode entry : list) {
            String code = entry.isTextual() ? entry.asText() : firstText(entry, "code", "status_code", "value");
            if (code != null && !code.isBlank()) {
                statuses.add(new RunStatusDefinition(
                        code,
                        RunStatus.from(code),
                        entry.isObject() ? firstBool(entry, "is_terminal", "terminal") : null,
                        entry.isObject() ? firstText(entry, "description", "name") : null,
                        JsonValues.of(entry)));
            }
        }
        return statuses;
    }

    private static Boolean firstBool(JsonNode node, String... fields) {
        for (String field : fields) {
            Boolean value = bool(node, field);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static <T> List<T> definitions(JsonNode array, Function<JsonNode, T> reader) {
        List<T> definitions = new ArrayList<>();
        for (JsonNode entry : array) {
            if (hasText(entry, "name")) {
                definitions.add(reader.apply(entry));
            }
        }
        return definitions;
    }

    /**
     * Reads one model input definition.
     *
     * @param node a JSON object with at least {@code name}
     * @return the definition
     */
    public static ModelInputDefinition inputDefinition(JsonNode node) {
        requireObject(node, "model input");
        JsonValue json = JsonValues.of(node);
        return ModelInputDefinition.builder()
                .id(text(node, "id"))
                .name(requireText(node, "name", "model input"))
                .displayName(text(node, "display_name"))
                .description(text(node, "description"))
                .type(text(node, "variable_type_code"))
                .required(Boolean.TRUE.equals(bool(node, "is_required")))
                .defaultValue(json.path("default_value"))
                .defaultBehavior(text(node, "default_behavior_code"))
                .validator(text(node, "validator_code"))
                .validatorAttributes(json.path("validator_attrs"))
                .sortOrder(intValue(node, "sort_order"))
                .featured(Boolean.TRUE.equals(bool(node, "is_featured")))
                .raw(json)
                .build();
    }

    private static ModelOutputDefinition outputDefinition(JsonNode node) {
        JsonValue json = JsonValues.of(node);
        return ModelOutputDefinition.builder()
                .id(text(node, "id"))
                .name(text(node, "name"))
                .displayName(text(node, "display_name"))
                .description(text(node, "description"))
                .type(text(node, "variable_type_code"))
                .validator(text(node, "validator_code"))
                .validatorAttributes(json.path("validator_attrs"))
                .sortOrder(intValue(node, "sort_order"))
                .raw(json)
                .build();
    }

    /** Whether {@code node} is an object whose {@code field} {@link #requireText} would accept. */
    private static boolean hasText(JsonNode node, String field) {
        if (node == null || !node.isObject()) {
            return false;
        }
        String value = text(node, field);
        return value != null && !value.isBlank();
    }

    private static void requireObject(JsonNode node, String what) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException(
                    what + " must be a JSON object, got " + (node == null ? "nothing" : node.getNodeType()));
        }
    }

    private static String requireText(JsonNode node, String field, String what) {
        String value = text(node, field);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " has no \"" + field + "\"");
        }
        return value;
    }
}
