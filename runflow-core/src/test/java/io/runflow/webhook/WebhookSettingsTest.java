package io.runflow.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import io.runflow.SettingProblem;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookSettingsTest {

    @Test
    void unsetValuesAreCoresDefaults() {
        WebhookSettings settings =
                WebhookSettings.builder().secrets(List.of("whsec_a")).build();

        assertThat(settings.problems()).isEmpty();
        assertThat(settings.path()).isEqualTo("/runflow/webhook");
        assertThat(settings.dedup()).isEqualTo(DedupKind.MEMORY);
        assertThat(settings.verifier().maxBodySize()).isEqualTo(WebhookVerifier.DEFAULT_MAX_BODY_SIZE);
    }

    @Test
    void setValuesApply() {
        WebhookSettings settings = WebhookSettings.builder()
                .path("/hooks")
                .secrets(List.of("whsec_a", "whsec_b"))
                .maxBodySize(2048L)
                .dedup(DedupKind.NONE)
                .build();

        assertThat(settings.path()).isEqualTo("/hooks");
        assertThat(settings.dedup()).isEqualTo(DedupKind.NONE);
        assertThat(settings.verifier().maxBodySize()).isEqualTo(2048L);
    }

    @Test
    void reportsEachBadValueUnderItsKey() {
        WebhookSettings settings = WebhookSettings.builder()
                .path("hooks")
                .secrets(Arrays.asList("whsec_a", " ", null, "${SECRET}"))
                .maxBodySize(0L)
                .build();

        assertThat(settings.problems())
                .extracting(SettingProblem::description)
                .containsExactly(
                        "runflow.webhook.path is invalid: it must start with /.",
                        "runflow.webhook.secrets[1] is blank.",
                        "runflow.webhook.secrets[2] is blank.",
                        "runflow.webhook.secrets[3] is the unresolved placeholder ${SECRET}.",
                        "runflow.webhook.max-body-size is invalid: maxBodySize must be positive, got 0.");
        assertThatIllegalStateException()
                .isThrownBy(settings::verifier)
                .withMessageStartingWith("runflow.webhook.path is invalid");
    }

    @Test
    void tellsAnEmptySecretListFromAnUnsetOne() {
        assertThat(WebhookSettings.builder().secrets(List.of()).build().problems())
                .extracting(SettingProblem::message)
                .containsExactly("runflow.webhook.secrets is blank. Set runflow.webhook.secrets to your callback"
                        + " signing secrets (whsec_...), or remove it to go without the webhook endpoint.");
        assertThat(WebhookSettings.builder().build().problems())
                .extracting(SettingProblem::description)
                .containsExactly("runflow.webhook.secrets is not set.");
    }

    @Test
    void showsNoSecretInToString() {
        assertThat(WebhookSettings.builder()
                        .secrets(List.of("whsec_hidden"))
                        .build()
                        .toString())
                .isEqualTo("WebhookSettings[path=/runflow/webhook, secrets=1 (redacted), maxBodySize=1048576,"
                        + " dedup=MEMORY, transactional=false]");
    }

    @Test
    void makesDeliveryTransactionalByDefaultWithTheJdbcStoreOnly() {
        assertThat(WebhookSettings.builder().dedup(DedupKind.JDBC).build().transactional())
                .isTrue();
        assertThat(WebhookSettings.builder().dedup(DedupKind.MEMORY).build().transactional())
                .isFalse();
        assertThat(WebhookSettings.builder()
                        .dedup(DedupKind.JDBC)
                        .transactional(false)
                        .build()
                        .transactional())
                .isFalse();
    }

    @Test
    void reportsTransactionalDeliveryWithoutTheJdbcStore() {
        assertThat(WebhookSettings.builder()
                        .secrets(List.of("whsec_a"))
                        .transactional(true)
                        .build()
                        .problems())
                .extracting(SettingProblem::key, SettingProblem::description)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(
                        "runflow.webhook.transactional",
                        "runflow.webhook.transactional=true needs runflow.webhook.dedup=jdbc, and dedup is memory."));
    }
}
