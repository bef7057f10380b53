package io.runflow.webhook;

import io.runflow.model.JsonValue;
import io.runflow.model.RunStatus;
import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * A verified callback: what Runflow POSTs to a {@code callback_url} when a run ({@link RunCallback})
 * or a batch ({@link BatchCallback}) reaches a terminal state. Obtained from {@link
 * WebhookVerifier#verify(byte[], String)}; there is deliberately no public way to read one from bytes
 * without checking the signature.
 *
 * <p>The two kinds are the only ones: tell them apart by type, never by a missing id.
 *
 * <pre>{@code
 * Callback callback = verifier.verify(rawBody, request::getHeader);
 * if (callback instanceof RunCallback run) {
 *     orders.rendered(run.runId(), run.output());
 * } else if (callback instanceof BatchCallback batch) {
 *     orders.batchDone(batch.batchId(), batch.itemsSucceeded());
 * }
 * }</pre>
 *
 * <p>Implementations are immutable values, shared between listeners without copies.
 */
public sealed interface Callback permits RunCallback, BatchCallback {

    /**
     * Returns the id of what the callback is about: {@link RunCallback#runId()} or {@link
     * BatchCallback#batchId()}.
     *
     * @return the run or batch id
     */
    String id();

    /**
     * Returns the event.
     *
     * @return the event; {@link CallbackEvent#UNKNOWN} for a value this SDK does not know (batch
     *     events among them), whose raw string is {@link #eventName()}
     */
    CallbackEvent event();

    /**
     * Returns the raw {@code event} as sent.
     *
     * @return for example {@code run.completed} or {@code batch.succeeded}
     */
    String eventName();

    /**
     * Returns the terminal status.
     *
     * @return the {@code status} as sent, or, when the body has none, the one the event stands for
     */
    RunStatus status();

    /**
     * Returns the raw {@code status} as sent.
     *
     * @return the status text; {@code null} when absent
     */
    String statusCode();

    /**
     * Returns the total run time, from {@code duration_ms}.
     *
     * @return the duration; {@code null} when absent
     */
    Duration duration();

    /**
     * Returns when the run or batch was created.
     *
     * @return the instant with Runflow's offset; {@code null} when absent
     */
    OffsetDateTime createdAt();

    /**
     * Returns when the run or batch reached its terminal state.
     *
     * @return the instant with Runflow's offset; {@code null} when absent
     */
    OffsetDateTime completedAt();

    /**
     * Returns the metadata given at creation, verbatim.
     *
     * @return the metadata; {@link JsonValue.JsonNull} when absent or null
     */
    JsonValue metadata();

    /**
     * Returns the {@code Runflow-Request-Id} header of the delivery, for log correlation.
     *
     * @return the request id; {@code null} when not given
     */
    String requestId();

    /**
     * Returns the whole body as received.
     *
     * @return the body; {@link JsonValue.JsonNull} for a callback not read from a body
     */
    JsonValue raw();

    /**
     * Returns where the callback came from.
     *
     * @return {@link CallbackSource#CALLBACK} for a verified delivery (the default)
     */
    CallbackSource source();
}
