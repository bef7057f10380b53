package io.runflow.internal;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Runflow's endpoints, each declared once: HTTP method, path template, whether a replay after an
 * ambiguous failure is safe, and whether it carries an {@code Idempotency-Key}. The services read it
 * to decide keys ({@link #idempotencyKey(String)}, the only place that makes them), a transport reads
 * it to judge retries and to name requests in messages. Not public API.
 *
 * <p>Every {@code POST} carries a key (Runflow's idempotency middleware is global). A {@code POST}
 * is {@code SAFE} only where a repeat has no second effect: run and batch create (the key
 * makes the server replay the first answer) and the admin cancellation (documented idempotent).
 * Redeliveries, the callback-secret create and the asset-upload session and confirmation are {@code UNSAFE}: a repeat could deliver twice, make a second secret, open a second session or make
 * a second asset. {@code GET}, {@code PATCH} and {@code DELETE} are safe by definition.
 *
 * <p>Path templates name their variables the way the transport's templates do, so a transport can
 * check its own declarations against these ({@link #find(String, String)}).
 */
public enum Endpoint {
    CREATE_RUN("POST", "/v1/models/{model}/runs", ReplaySafe.YES),
    GET_RUN("GET", "/v1/runs/{id}"),
    LIST_RUNS("GET", "/v1/runs"),
    LIST_CALLBACK_DELIVERIES("GET", "/v1/runs/{id}/callback"),
    REDELIVER_CALLBACK("POST", "/v1/runs/{id}/callback-redeliveries", ReplaySafe.NO),
    LIST_RUN_LOGS("GET", "/v1/runs/{id}/logs"),
    LIST_RUN_STATUSES("GET", "/v1/runs/statuses"),
    CANCEL_RUN("POST", "/v1/admin/runs/{id}/cancellation", ReplaySafe.YES),
    LIST_NODE_RUNS("GET", "/v1/runs/{id}/node-runs"),
    GET_NODE_RUN("GET", "/v1/runs/{run}/node-runs/{id}"),

    CREATE_BATCH("POST", "/v1/models/{model}/batches", ReplaySafe.YES),
    GET_BATCH("GET", "/v1/batches/{id}"),
    LIST_BATCH_ITEMS("GET", "/v1/batches/{id}/items"),
    GET_BATCH_ITEM("GET", "/v1/batches/{batch}/items/{id}"),
    LIST_BATCH_CALLBACK_DELIVERIES("GET", "/v1/batches/{id}/callback"),
    REDELIVER_BATCH_CALLBACK("POST", "/v1/batches/{id}/callback-redeliveries", ReplaySafe.NO),

    CREATE_ASSET_UPLOAD("POST", "/v1/asset-uploads", ReplaySafe.NO),
    CONFIRM_ASSET_UPLOAD("POST", "/v1/asset-uploads/{id}/confirmations", ReplaySafe.NO),
    GET_ASSET("GET", "/v1/assets/{id}"),
    LIST_ASSET_TYPES("GET", "/v1/assets/types"),

    /** The embed is fixed: one comma-separated value, as the contract shows it. */
    ME("GET", "/v1/auth/me?embed={embed}"),
    GET_BALANCE("GET", "/v1/billing/balance"),
    UPDATE_BALANCE("PATCH", "/v1/billing/balance"),

    LIST_MODELS("GET", "/v1/models"),
    GET_MODEL("GET", "/v1/models/{model}"),
    LIST_PUBLIC_MODELS("GET", "/v1/public/models"),

    CREATE_CALLBACK_SECRET("POST", "/v1/callback-secrets", ReplaySafe.NO),
    GET_CALLBACK_SECRET("GET", "/v1/callback-secrets/{id}"),
    UPDATE_CALLBACK_SECRET("PATCH", "/v1/callback-secrets/{id}"),

    LIST_WEBHOOKS("GET", "/v1/webhooks"),
    /** The embed is fixed, as for {@link #ME}: the deliveries and the event subscriptions. */
    GET_WEBHOOK("GET", "/v1/webhooks/{id}?embed={embed}"),
    UPDATE_WEBHOOK("PATCH", "/v1/webhooks/{id}"),
    DELETE_WEBHOOK("DELETE", "/v1/webhooks/{id}"),
    LIST_WEBHOOK_EVENT_TYPES("GET", "/v1/webhooks/event-types"),
    LIST_WEBHOOK_DELIVERIES("GET", "/v1/webhooks/{id}/deliveries"),
    LIST_WEBHOOK_DELIVERY_ATTEMPTS("GET", "/v1/webhooks/{webhook}/deliveries/{id}/attempts"),

    HEALTH("GET", "/v1/health");

    private static final Map<String, Endpoint> BY_LABEL =
            Stream.of(values()).collect(Collectors.toUnmodifiableMap(Endpoint::label, Function.identity()));

    private final String method;
    private final String template;
    private final boolean replaySafe;
    private final boolean idempotencyKey;
    private final String label;

    /** A read or an update: replay-safe by its method, no key. */
    Endpoint(String method, String template) {
        this(method, template, true, false);
    }

    /** A {@code POST}: it carries a key; {@code replaySafe} says whether a repeat is harmless. */
    Endpoint(String method, String template, boolean replaySafe) {
        this(method, template, replaySafe, true);
    }

    Endpoint(String method, String template, boolean replaySafe, boolean idempotencyKey) {
        this.method = method;
        this.template = template;
        this.replaySafe = replaySafe;
        this.idempotencyKey = idempotencyKey;
        this.label = method + " " + template;
    }

    /**
     * Returns the HTTP method.
     *
     * @return {@code GET}, {@code POST}, {@code PATCH} or {@code DELETE}
     */
    public String method() {
        return method;
    }

    /**
     * Returns the path template, variables in braces.
     *
     * @return for example {@code /v1/runs/{id}}
     */
    public String template() {
        return template;
    }

    /**
     * Tells whether the call may be sent again after an ambiguous failure (a 5xx, or a connection
     * lost after the request was sent): {@code RetryPolicy.Replay.SAFE} if so. A boolean, as this
     * package depends on nothing of the SDK's API.
     *
     * @return {@code true} if a repeat cannot apply the call twice
     */
    public boolean replaySafe() {
        return replaySafe;
    }

    /**
     * Tells whether the call carries an {@code Idempotency-Key} header.
     *
     * @return {@code true} for every {@code POST}
     */
    public boolean carriesIdempotencyKey() {
        return idempotencyKey;
    }

    /**
     * Returns the endpoint as messages and the observer name it: the method and the path template,
     * never an expanded URL (which may carry ids and query values).
     *
     * @return for example {@code GET /v1/runs/{id}}
     */
    public String label() {
        return label;
    }

    /**
     * Returns the API-key scope the call most likely needs, named {@code resource:action} as the
     * scopes of {@code GET /v1/auth/me} read. Runflow's 403 {@code PERMISSION_DENIED} does not say
     * which scope is missing; the SDK's message names this one. An inference from the endpoint, not a
     * documented table.
     *
     * @return for example {@code runs:create}; {@code null} where no scope applies (health, the
     *     user, the public models)
     */
    public String scope() {
        switch (this) {
            case CREATE_RUN:
                return "runs:create";
            case GET_RUN:
            case LIST_RUNS:
            case LIST_CALLBACK_DELIVERIES:
            case LIST_RUN_LOGS:
            case LIST_RUN_STATUSES:
            case LIST_NODE_RUNS:
            case GET_NODE_RUN:
                return "runs:read";
            case REDELIVER_CALLBACK:
                return "runs:update";
            case CANCEL_RUN:
                return "runs:cancel";
            case CREATE_BATCH:
                return "batches:create";
            case GET_BATCH:
            case LIST_BATCH_ITEMS:
            case GET_BATCH_ITEM:
            case LIST_BATCH_CALLBACK_DELIVERIES:
                return "batches:read";
            case REDELIVER_BATCH_CALLBACK:
                return "batches:update";
            case CREATE_ASSET_UPLOAD:
            case CONFIRM_ASSET_UPLOAD:
                return "assets:create";
            case GET_ASSET:
            case LIST_ASSET_TYPES:
                return "assets:read";
            case GET_BALANCE:
                return "credit_balance:read";
            case UPDATE_BALANCE:
                return "credit_balance:update";
            case LIST_MODELS:
            case GET_MODEL:
                return "models:read";
            case CREATE_CALLBACK_SECRET:
                return "callback_secrets:create";
            case GET_CALLBACK_SECRET:
                return "callback_secrets:read";
            case UPDATE_CALLBACK_SECRET:
                return "callback_secrets:update";
            case LIST_WEBHOOKS:
            case GET_WEBHOOK:
            case LIST_WEBHOOK_EVENT_TYPES:
            case LIST_WEBHOOK_DELIVERIES:
            case LIST_WEBHOOK_DELIVERY_ATTEMPTS:
                return "webhooks:read";
            case UPDATE_WEBHOOK:
                return "webhooks:update";
            case DELETE_WEBHOOK:
                return "webhooks:delete";
            default:
                return null;
        }
    }

    /**
     * Decides the {@code Idempotency-Key} of one call: the caller's key if it gave one, a new random
     * one otherwise. Called once per logical call, before the first attempt, so every attempt sends the
     * same key. The only place in the SDK that makes keys.
     *
     * @param given the caller's key, or {@code null}
     * @return the key to send on every attempt of the call
     * @throws IllegalStateException if this endpoint carries no key
     */
    public String idempotencyKey(String given) {
        if (!idempotencyKey) {
            throw new IllegalStateException(label + " carries no Idempotency-Key");
        }
        return given != null ? given : UUID.randomUUID().toString();
    }

    /**
     * Decides a new {@code Idempotency-Key} for one call of an endpoint whose callers give none.
     *
     * @return a random key, unique per logical call
     * @throws IllegalStateException if this endpoint carries no key
     */
    public String newIdempotencyKey() {
        return idempotencyKey(null);
    }

    /**
     * Finds the endpoint declared with this method and path template.
     *
     * @param method the HTTP method, for example {@code GET}
     * @param template the path template, for example {@code /v1/runs/{id}}
     * @return the endpoint, or empty if none is declared so
     */
    public static Optional<Endpoint> find(String method, String template) {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(template, "template");
        return Optional.ofNullable(BY_LABEL.get(method + " " + template));
    }

    /** Names for the constructor's flag, so each {@code POST} above reads as what it is. */
    private static final class ReplaySafe {
        static final boolean YES = true;
        static final boolean NO = false;

        private ReplaySafe() {}
    }
}
