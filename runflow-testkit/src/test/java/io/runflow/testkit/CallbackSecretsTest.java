package io.runflow.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.runflow.webhook.WebhookSigner;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CallbackSecretsTest extends DeterministicServerTest {

    @Test
    void createReturnsThePlainSecretOnceAndNotAsCurrent() {
        Http.Answer created = http.post("/v1/callback-secrets", "{\"label\":\"rotation\"}");
        String id = created.json().get("id").asText();

        Http.Answer read = http.get("/v1/callback-secrets/" + id);

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("plain_secret").asText())
                .startsWith("whsec_")
                .hasSize(38);
        assertThat(created.json().get("key_prefix").asText())
                .isEqualTo(created.json().get("plain_secret").asText().substring(0, 10));
        assertThat(created.json().get("is_current").asBoolean()).isFalse();
        assertThat(created.json().get("label").asText()).isEqualTo("rotation");
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().has("plain_secret")).isFalse();
    }

    @Test
    void listShowsEverySecretWithoutMaterial() {
        http.post("/v1/callback-secrets", "{}");

        JsonNode page = http.get("/v1/callback-secrets").json();

        assertThat(page.get("items")).hasSize(2);
        assertThat(page.get("items").get(0).get("label").asText()).isEqualTo("default");
        assertThat(page.toString()).doesNotContain("plain_secret").doesNotContain("whsec_testkit_secret");
    }

    @Test
    void promotingASecretMakesItSignTheNextCallbacks() {
        String secret;
        try (Receiver receiver = new Receiver()) {
            JsonNode created =
                    http.post("/v1/callback-secrets", "{\"label\":\"next\"}").json();
            secret = created.get("plain_secret").asText();

            Http.Answer patched = http.method(
                    "PATCH", "/v1/callback-secrets/" + created.get("id").asText(), "{\"is_current\":true}");
            http.createFlux(",\"callback_url\":\"" + receiver.url() + "\"");
            server.advance(Duration.ofSeconds(1));

            assertThat(patched.status()).isEqualTo(200);
            assertThat(patched.json().get("is_current").asBoolean()).isTrue();
            assertThat(receiver.received().get(0).header("Runflow-Signature"))
                    .isEqualTo(WebhookSigner.of(secret)
                            .sign(receiver.received().get(0).body()));
        }
        assertThat(server.webhookSecret()).isEqualTo(secret);
    }

    @Test
    void demotingTheOnlyCurrentSecretLeavesCallbacksUnsigned() {
        String id = http.get("/v1/callback-secrets").json().at("/items/0/id").asText();

        http.method("PATCH", "/v1/callback-secrets/" + id, "{\"is_current\":false,\"label\":\"old\"}");

        assertThatThrownBy(server::webhookSecret)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("no callback signing secret is current; callbacks are sent unsigned");
        assertThat(http.get("/v1/callback-secrets/" + id).json().get("label").asText())
                .isEqualTo("old");
    }

    @Test
    void badPatchesAndUnknownIdsAreRejected() {
        String id = http.get("/v1/callback-secrets").json().at("/items/0/id").asText();

        Http.Answer badFlag = http.method("PATCH", "/v1/callback-secrets/" + id, "{\"is_current\":\"yes\"}");
        Http.Answer longLabel = http.post("/v1/callback-secrets", "{\"label\":\"" + "x".repeat(256) + "\"}");
        Http.Answer unknown = http.get("/v1/callback-secrets/nope");

        assertThat(badFlag.status()).isEqualTo(422);
        assertThat(badFlag.json().at("/errors/0/field").asText()).isEqualTo("is_current");
        assertThat(longLabel.status()).isEqualTo(422);
        assertThat(longLabel.json().at("/errors/0/field").asText()).isEqualTo("label");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("message").asText()).isEqualTo("callback secret nope not found");
    }
}
