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
        return new Run(
                id,
                RunStatus.from(statusCode),
                statusCode,
                text(node, "model_id"),
                text(node, "target_type"),
                text(node, "org_id"),
                tree(node, "input"),
                output == null || !output.isObject() ? null : output(output),
                decimal(node, "cost"),
                millis(node, "duration_ms"),
                text(node, "client_ref"),
                text(node, "callback_url"),
                tree(node, "metadata"),
                text(node, "batch_id"),
                requestId(node, headerRequestId),
                timestamp(node, "created_at"),
                timestamp(node, "started_at"),
                firstTimestamp(node),
                failure(node),
                node);
    }

    /**
     * Reads a run output in the normalised {@code outputs[]} shape or the older {@code
     * image_urls[]} shape.
     *
     * @param node the {@code output} object
     * @return the output
     */
    public static RunOutput output(JsonNode node) {
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
        return new RunOutput(files, longValue(node, "seed"), tree(node, "timing"), bool(node, "nsfw_detected"), node);
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
                entry);
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
            return new FieldError(null, detail.isValueNode() ? detail.asText() : null, detail);
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
        return new FieldError(field, firstText(detail, "message", "msg"), detail);
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
                attempts.add(new CallbackAttempt(
                        text(attempt, "id"),
                        number == null ? attempts.size() + 1 : number,
                        intValue(attempt, "status_code"),
                        text(attempt, "response_body"),
                        millis(attempt, "response_time_ms"),
                        text(attempt, "error_message"),
                        timestamp(attempt, "created_at")));
            }
        }
        Integer attemptCount = intValue(node, "attempt_count");
        Integer maxAttempts = intValue(node, "max_attempts");
        return new CallbackDelivery(
                requireText(node, "id", "callback delivery"),
                text(node, "run_id"),
                text(node, "batch_id"),
                text(node, "callback_url"),
                text(node, "payload_bytes"),
                text(node, "signing_secret_id"),
                !Boolean.FALSE.equals(bool(node, "is_automatic")),
                text(node, "status_code"),
                text(node, "failure_reason_code"),
                attemptCount == null ? attempts.size() : attemptCount,
                maxAttempts == null ? 0 : maxAttempts,
                timestamp(node, "next_attempt_at"),
                timestamp(node, "created_at"),
                timestamp(node, "completed_at"),
                attempts,
                node);
    }

    /**
     * Reads a catalog model.
     *
     * @param node a JSON object with at least {@code id}
     * @return the model
     */
    public static Model model(JsonNode node) {
        requireObject(node, "model");
        return new Model(
                requireText(node, "id", "model"),
                text(node, "slug"),
                text(node, "name"),
                text(node, "description"),
                text(node, "status_code"),
                bool(node, "is_public"),
                definitions(node.path("inputs"), ModelReader::inputDefinition),
                definitions(node.path("outputs"), ModelReader::outputDefinition),
                timestamp(node, "created_at"),
                node);
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
        return new CallbackSecret(
                requireText(node, "id", "callback secret"),
                text(node, "org_id"),
                text(node, "key_prefix"),
                Boolean.TRUE.equals(bool(node, "is_current")),
                text(node, "label"),
                text(node, "plain_secret"),
                timestamp(node, "disabled_at"),
                timestamp(node, "last_used_at"),
                timestamp(node, "created_at"),
                timestamp(node, "updated_at"),
                withoutSecret);
    }

    /**
     * Reads the health body. A body without {@code ok} counts as live: the endpoint answered 2xx.
     *
     * @param node the body
     * @return the health
     */
    public static Health health(JsonNode node) {
        Boolean ok = node == null ? null : bool(node, "ok");
        return new Health(ok == null || ok, node);
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
        return new Batch(
                requireText(node, "id", "batch"),
                RunStatus.from(statusCode),
                statusCode,
                text(node, "target_type"),
                text(node, "target_id"),
                count(node, "items_total", items.size()),
                count(node, "items_succeeded", 0),
                count(node, "items_failed", 0),
                count(node, "items_cancelled", 0),
                items,
                decimal(node, "cost"),
                tree(node, "output"),
                tree(node, "metadata"),
                text(node, "callback_url"),
                requestId(node, headerRequestId),
                timestamp(node, "created_at"),
                timestamp(node, "started_at"),
                timestamp(node, "completed_at"),
                failure(node),
                node);
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
        return new Batch(
                requireText(node, "batch_id", "batch callback"),
                RunStatus.from(statusCode),
                statusCode,
                null,
                null,
                count(output, "total", items.size()),
                count(output, "succeeded", 0),
                count(output, "failed", 0),
                count(output, "cancelled", 0),
                items,
                null,
                tree(node, "output"),
                tree(node, "metadata"),
                null,
                requestId,
                timestamp(node, "created_at"),
                null,
                timestamp(node, "completed_at"),
                null,
                node);
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
        return new BatchItem(
                requireText(node, "id", "batch item"),
                text(node, "batch_id"),
                intValue(node, "sequence_index"),
                text(node, "run_id"),
                RunStatus.from(statusCode),
                statusCode,
                text(node, "client_ref"),
                tree(node, "input"),
                decimal(node, "cost"),
                output == null || !output.isObject() ? null : output(output),
                tree(node, "error"),
                timestamp(node, "created_at"),
                timestamp(node, "started_at"),
                timestamp(node, "completed_at"),
                hasText(run, "id") ? run(run) : null,
                node);
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
        return new Asset(
                requireText(node, "id", "asset"),
                text(node, "org_id"),
                text(node, "folder_id"),
                firstText(node, "name", "filename"),
                text(node, "url"),
                text(node, "thumbnail_url"),
                firstText(node, "mime_type", "content_type"),
                longValue(node, "size_bytes"),
                text(node, "asset_type"),
                requestId(node, headerRequestId),
                timestamp(node, "created_at"),
                node);
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
                types.add(new AssetType(entry.asText(), null, entry));
            } else if (entry.isObject()) {
                String mime = firstText(entry, "mime_type", "mime", "content_type", "code");
                if (mime != null) {
                    types.add(new AssetType(mime, firstText(entry, "asset_type", "type"), entry));
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
        return new Me(
                requireText(node, "id", "user"),
                text(node, "email"),
                text(node, "first_name"),
                text(node, "last_name"),
                text(node, "avatar_url"),
                text(node, "timezone"),
                text(node, "locale_code"),
                timestamp(node, "email_verified_at"),
                memberships,
                organizations,
                node);
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
        return new Balance(
                text(node, "id"),
                text(node, "org_id"),
                balance,
                decimal(node, "low_balance_threshold"),
                timestamp(node, "low_balance_notified_at"),
                timestamp(node, "created_at"),
                timestamp(node, "updated_at"),
                node);
    }

    /**
     * Reads a run log entry.
     *
     * @param node a JSON object with at least {@code id}
     * @return the entry
     */
    public static RunLog runLog(JsonNode node) {
        requireObject(node, "run log");
        return new RunLog(
                requireText(node, "id", "run log"),
                text(node, "run_id"),
                firstText(node, "level_code", "level"),
                text(node, "message"),
                timestamp(node, "timestamp"),
                tree(node, "meta"),
                node);
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
                        entry));
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
        return new ModelInputDefinition(
                text(node, "id"),
                requireText(node, "name", "model input"),
                text(node, "display_name"),
                text(node, "description"),
                text(node, "variable_type_code"),
                Boolean.TRUE.equals(bool(node, "is_required")),
                tree(node, "default_value"),
                text(node, "default_behavior_code"),
                text(node, "validator_code"),
                tree(node, "validator_attrs"),
                intValue(node, "sort_order"),
                Boolean.TRUE.equals(bool(node, "is_featured")),
                node);
    }

    private static ModelOutputDefinition outputDefinition(JsonNode node) {
        return new ModelOutputDefinition(
                text(node, "id"),
                text(node, "name"),
                text(node, "display_name"),
                text(node, "description"),
                text(node, "variable_type_code"),
                text(node, "validator_code"),
                tree(node, "validator_attrs"),
                intValue(node, "sort_order"),
                node);
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
