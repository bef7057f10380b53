package io.runflow;

import io.runflow.model.ListQuery;
import io.runflow.model.Webhook;
import io.runflow.model.WebhookAttempt;
import io.runflow.model.WebhookDelivery;
import io.runflow.model.WebhookEventType;
import io.runflow.model.WebhookUpdate;
import java.util.List;
import java.util.Objects;

/**
 * The organization's webhooks: read, update, delete, and their deliveries and attempts. Obtained from
 * {@link RunflowClient#webhooks()}.
 *
 * <pre>{@code
 * for (Webhook hook : runflow.webhooks().list()) {
 *     if (hook.url().startsWith("http://")) runflow.webhooks().update(hook.id(), WebhookUpdate.disable());
 * }
 * }</pre>
 *
 * <p>Runflow does not document yet how a webhook is created or how its deliveries are signed, so this
 * service creates none and {@code WebhookVerifier} does not claim to verify them; per-run callbacks
 * ({@code callback_url}) remain the documented, signed way to hear of a finished run.
 */
public final class Webhooks {

    /** The webhook id that spans every webhook where a path nests under one: {@code deliveries(ANY)}. */
    public static final String ANY = "any";

    private final RunflowApi api;

    Webhooks(RunflowApi api) {
        this.api = api;
    }

    /**
     * Lists the organization's webhooks ({@code GET /v1/webhooks}), following the cursors lazily.
     *
     * @param query filters, sort and page size
     * @return the webhooks across all pages
     */
    public AutoPager<Webhook> list(ListQuery query) {
        return new AutoPager<>(Objects.requireNonNull(query, "query"), api::listWebhooks);
    }

    /**
     * Lists all of the organization's webhooks.
     *
     * @return the webhooks across all pages
     */
    public AutoPager<Webhook> list() {
        return list(ListQuery.all());
    }

    /**
     * Reads a webhook with its event subscriptions and deliveries embedded ({@code GET
     * /v1/webhooks/{id}?embed=deliveries,event_subscriptions}).
     *
     * @param webhookId the webhook id
     * @return the webhook
     * @throws io.runflow.errors.NotFoundException if there is no such webhook
     */
    public Webhook get(String webhookId) {
        return api.getWebhook(requireId(webhookId));
    }

    /**
     * Changes a webhook's URL, or disables or enables it ({@code PATCH /v1/webhooks/{id}}).
     *
     * @param webhookId the webhook id
     * @param update the change, for example {@link WebhookUpdate#disable()}
     * @return the updated webhook
     */
    public Webhook update(String webhookId, WebhookUpdate update) {
        return api.updateWebhook(requireId(webhookId), Objects.requireNonNull(update, "update"));
    }

    /**
     * Deletes a webhook ({@code DELETE /v1/webhooks/{id}}): Runflow stops delivering to it.
     *
     * @param webhookId the webhook id
     * @throws io.runflow.errors.NotFoundException if there is no such webhook (already deleted, say)
     */
    public void delete(String webhookId) {
        api.deleteWebhook(requireId(webhookId));
    }

    /**
     * Lists the event types a webhook may subscribe to ({@code GET /v1/webhooks/event-types}), every
     * page read.
     *
     * @return the event types, in the server's order
     */
    public List<WebhookEventType> eventTypes() {
        return new AutoPager<>(ListQuery.all(), api::listWebhookEventTypes)
                .stream().toList();
    }

    /**
     * Lists a webhook's deliveries ({@code GET /v1/webhooks/{id}/deliveries}), following the cursors
     * lazily.
     *
     * @param webhookId the webhook id, or {@link #ANY} for every webhook's
     * @param query filters, sort and page size
     * @return the deliveries across all pages
     */
    public AutoPager<WebhookDelivery> deliveries(String webhookId, ListQuery query) {
        requireId(webhookId);
        Objects.requireNonNull(query, "query");
        return new AutoPager<>(query, q -> api.listWebhookDeliveries(webhookId, q));
    }

    /**
     * Lists all of a webhook's deliveries.
     *
     * @param webhookId the webhook id, or {@link #ANY} for every webhook's
     * @return the deliveries across all pages
     */
    public AutoPager<WebhookDelivery> deliveries(String webhookId) {
        return deliveries(webhookId, ListQuery.all());
    }

    /**
     * Lists the attempts of one delivery, of whichever webhook ({@code GET
     * /v1/webhooks/any/deliveries/{id}/attempts}).
     *
     * @param deliveryId the delivery id
     * @return the attempts across all pages
     */
    public AutoPager<WebhookAttempt> attempts(String deliveryId) {
        return attempts(ANY, deliveryId);
    }

    /**
     * Lists the attempts of one delivery of a webhook ({@code GET
     * /v1/webhooks/{webhook_id}/deliveries/{delivery_id}/attempts}).
     *
     * @param webhookId the webhook id, or {@link #ANY}
     * @param deliveryId the delivery id
     * @return the attempts across all pages
     */
    public AutoPager<WebhookAttempt> attempts(String webhookId, String deliveryId) {
        requireId(webhookId);
        Calls.requireId(deliveryId, "deliveryId", "a webhook delivery id");
        return new AutoPager<>(ListQuery.all(), q -> api.listWebhookDeliveryAttempts(webhookId, deliveryId, q));
    }

    private static String requireId(String webhookId) {
        return Calls.requireId(webhookId, "webhookId", "a webhook id");
    }
}
