package io.runflow.feign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.runflow.RunflowClient;
import io.runflow.Webhooks;
import io.runflow.catalog.FluxProUltra;
import io.runflow.errors.NotFoundException;
import io.runflow.model.Run;
import io.runflow.model.Webhook;
import io.runflow.model.WebhookAttempt;
import io.runflow.model.WebhookDelivery;
import io.runflow.model.WebhookEventType;
import io.runflow.model.WebhookUpdate;
import io.runflow.testkit.FakeRunflowServer;
import io.runflow.testkit.Outcome;
import io.runflow.testkit.RecordedRequest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Organization webhooks, read and update, through Feign against the fake. */
class WebhooksTest {

    static final FakeRunflowServer server =
            FakeRunflowServer.builder().deterministic().build();
    static final RunflowClient runflow = server.clientBuilder().build();

    @AfterEach
    void reset() {
        server.reset();
    }

    @AfterAll
    static void stop() {
        runflow.close();
        server.close();
    }

    @Test
    void listsTheOrganizationsWebhooksWithTheirSubscriptions() {
        String first = server.addWebhook("http://127.0.0.1:9/hooks/a", "run.completed", "run.failed");
        String second = server.addWebhook("http://127.0.0.1:9/hooks/b");

        List<Webhook> hooks = runflow.webhooks().list().stream().toList();

        assertThat(hooks).extracting(Webhook::id).containsExactly(first, second);
        assertThat(hooks.get(0).eventTypes()).containsExactly("run.completed", "run.failed");
        assertThat(hooks.get(0).url()).isEqualTo("http://127.0.0.1:9/hooks/a");
        assertThat(hooks.get(0).isDisabled()).isFalse();
        assertThat(hooks.get(1).eventTypes()).isEmpty();
    }

    @Test
    void aFinishedRunIsDeliveredToASubscribedWebhookAndGetEmbedsTheDeliveryWithItsAttempts() throws Exception {
        try (CallbackReceiver receiver = new CallbackReceiver((body, signature) -> 200)) {
            String id = server.addWebhook(receiver.url(), "run.completed");
            Run run = runflow.runs().run(FluxProUltra.input("delivered"));
            server.advance(Duration.ofSeconds(1));

            Webhook hook = runflow.webhooks().get(id);

            assertThat(hook.lastTriggeredAt()).isNotNull();
            assertThat(hook.deliveries()).hasSize(1);
            WebhookDelivery delivery = hook.deliveries().get(0);
            assertThat(delivery.eventType()).isEqualTo("run.completed");
            assertThat(delivery.payload().path("run_id").asString()).contains(run.id());
            assertThat(delivery.attempts()).hasSize(1);
            assertThat(delivery.attempts().get(0).succeeded()).isTrue();
            assertThat(delivery.attempts().get(0).httpStatus()).isEqualTo(200);
            assertThat(receiver.received).hasSize(1);
            RecordedRequest get = server.requests().get(server.requests().size() - 1);
            assertThat(get.query()).contains("embed=deliveries");
        }
    }

    @Test
    void aWebhookNotSubscribedToTheEventOrDisabledGetsNoDelivery() {
        String failedOnly = server.addWebhook("http://127.0.0.1:9/hooks/failed", "run.failed");
        String disabled = server.addWebhook("http://127.0.0.1:9/hooks/off");
        runflow.webhooks().update(disabled, WebhookUpdate.disable());

        runflow.runs().run(FluxProUltra.input("succeeds"));
        server.advance(Duration.ofSeconds(1));

        assertThat(runflow.webhooks().deliveries(failedOnly).stream()).isEmpty();
        assertThat(runflow.webhooks().deliveries(disabled).stream()).isEmpty();
    }

    @Test
    void deliveriesOfAnyWebhookAndTheAttemptsOfOneDelivery() {
        String a = server.addWebhook("http://127.0.0.1:9/hooks/a");
        String b = server.addWebhook("http://127.0.0.1:9/hooks/b");
        server.onNextRun(Outcome.fail());
        org.assertj.core.api.Assertions.catchThrowable(() -> runflow.runs().run(FluxProUltra.input("fails")));
        server.advance(Duration.ofSeconds(1));

        List<WebhookDelivery> all =
                runflow.webhooks().deliveries(Webhooks.ANY).stream().toList();
        List<WebhookAttempt> attempts =
                runflow.webhooks().attempts(all.get(0).id()).stream().toList();

        assertThat(all).extracting(WebhookDelivery::webhookId).containsExactly(a, b);
        assertThat(all).extracting(WebhookDelivery::eventType).containsOnly("run.failed");
        assertThat(attempts).hasSize(1);
        // Port 9 (discard) has nobody listening: the attempt failed without an HTTP status.
        assertThat(attempts.get(0).succeeded()).isFalse();
        assertThat(attempts.get(0).attemptNumber()).isEqualTo(1);
        assertThat(runflow.webhooks().attempts(b, all.get(1).id()).stream()).hasSize(1);
    }

    @Test
    void updateMovesTheUrlAndDisablesAndEnables() {
        String id = server.addWebhook("http://127.0.0.1:9/hooks/old");

        Webhook moved = runflow.webhooks().update(id, WebhookUpdate.url("https://example.com/hooks/new"));
        Webhook disabled = runflow.webhooks().update(id, WebhookUpdate.disable());
        Webhook enabled = runflow.webhooks().update(id, WebhookUpdate.enable());

        assertThat(moved.url()).isEqualTo("https://example.com/hooks/new");
        assertThat(disabled.isDisabled()).isTrue();
        assertThat(enabled.isDisabled()).isFalse();
        assertThat(server.requests().get(0).bodyAsString()).isEqualTo("{\"url\":\"https://example.com/hooks/new\"}");
        assertThat(server.requests().get(1).bodyAsString()).isEqualTo("{\"disabled\":true}");
    }

    @Test
    void anUpdateMustChangeSomethingAndTakesOnlyHttpUrls() {
        assertThatThrownBy(() -> WebhookUpdate.builder().build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("set url or disabled: an empty update changes nothing");
        assertThatThrownBy(() -> WebhookUpdate.url("ftp://example.com/x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("url must be an absolute http or https URL");
    }

    @Test
    void deleteRemovesTheWebhookAndASecondDeleteIsNotFound() {
        String id = server.addWebhook("http://127.0.0.1:9/hooks");

        runflow.webhooks().delete(id);

        assertThat(runflow.webhooks().list().stream()).isEmpty();
        NotFoundException e = catchThrowableOfType(
                NotFoundException.class, () -> runflow.webhooks().delete(id));
        assertThat(e.code()).isEqualTo("WEBHOOK_NOT_FOUND");
        assertThat(catchThrowableOfType(
                        NotFoundException.class, () -> runflow.webhooks().get(id)))
                .isNotNull();
    }

    @Test
    void eventTypesListsWhatAWebhookMaySubscribeTo() {
        List<WebhookEventType> types = runflow.webhooks().eventTypes();

        assertThat(types)
                .extracting(WebhookEventType::code)
                .contains("run.completed", "run.failed", "run.cancelled", "run.partial_succeeded");
        assertThat(types).allSatisfy(t -> assertThat(t.description()).isNotBlank());
    }

    @Test
    void theFakeRefusesAWebhookWithAnUnknownEventType() {
        assertThatThrownBy(() -> server.addWebhook("http://127.0.0.1:9/hooks", "run.exploded"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("unknown event type run.exploded");
    }
}
