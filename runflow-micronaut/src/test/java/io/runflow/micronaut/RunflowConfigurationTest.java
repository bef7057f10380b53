package io.runflow.micronaut;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.runflow.RunflowClient;
import io.runflow.RunflowOptions;
import io.runflow.webhook.DedupKind;
import io.runflow.webhook.NotifyKind;
import io.runflow.webhook.WebhookVerifier;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunflowConfigurationTest {

    /** The keys of design.md, the Spring starter's too. */
    static final List<String> KEYS = List.of(
            "runflow.enabled",
            "runflow.api-key",
            "runflow.base-url",
            "runflow.organization-id",
            "runflow.timeouts.connect",
            "runflow.timeouts.read",
            "runflow.retry.max-attempts",
            "runflow.retry.initial-delay",
            "runflow.retry.max-delay",
            "runflow.poll.initial-interval",
            "runflow.poll.max-interval",
            "runflow.poll.timeout",
            "runflow.webhook.path",
            "runflow.webhook.secrets",
            "runflow.webhook.max-body-size",
            "runflow.webhook.dedup",
            "runflow.webhook.transactional",
            "runflow.webhook.reconcile.enabled",
            "runflow.webhook.reconcile.after",
            "runflow.webhook.reconcile.interval",
            "runflow.webhook.notify",
            "runflow.health.enabled",
            "runflow.tracing.metadata");

    @Test
    void generatedMetadataListsExactlyTheKeysOfTheDesign() throws IOException {
        JsonNode metadata;
        try (InputStream in = RunflowConfiguration.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI()
                .resolve("META-INF/spring-configuration-metadata.json")
                .toURL()
                .openStream()) {
            metadata = new ObjectMapper().readTree(in);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        List<String> names = new ArrayList<>();
        for (JsonNode property : metadata.get("properties")) {
            names.add(property.get("name").asText());
            assertThat(property.path("description").asText())
                    .as(property.toString())
                    .isNotBlank();
        }

        assertThat(names).containsExactlyInAnyOrderElementsOf(KEYS);
    }

    @Test
    void leavesEveryUnsetKeyNullSoThatCoresDefaultsApply() {
        try (ApplicationContext context = ApplicationContext.run(Map.of("runflow.api-key", "rf_test_key"))) {
            RunflowConfiguration config = context.getBean(RunflowConfiguration.class);

            assertThat(config.enabled()).isTrue();
            assertThat(config.baseUrl()).isNull();
            assertThat(config.organizationId()).isNull();
            assertThat(config.timeouts()).isEqualTo(new RunflowConfiguration.Timeouts(null, null));
            assertThat(config.retry()).isEqualTo(new RunflowConfiguration.Retry(null, null, null));
            assertThat(config.poll()).isEqualTo(new RunflowConfiguration.Poll(null, null, null));
            assertThat(config.webhook())
                    .isEqualTo(new RunflowConfiguration.Webhook(
                            null,
                            null,
                            null,
                            null,
                            null,
                            new RunflowConfiguration.Webhook.Reconcile(null, null, null),
                            null));
            assertThat(config.webhookSettings().path()).isEqualTo("/runflow/webhook");
            assertThat(config.webhookSettings().dedup()).isEqualTo(DedupKind.MEMORY);
            assertThat(config.health().enabled()).isTrue();
        }
    }

    @Test
    void bindsEveryKeyWithDurationsAndSizes() {
        Map<String, Object> properties = Map.ofEntries(
                Map.entry("runflow.api-key", "rf_test_key"),
                Map.entry("runflow.base-url", "http://127.0.0.1:9/api/"),
                Map.entry("runflow.organization-id", "org_42"),
                Map.entry("runflow.timeouts.connect", "2s"),
                Map.entry("runflow.timeouts.read", "PT90S"),
                Map.entry("runflow.retry.max-attempts", "3"),
                Map.entry("runflow.retry.initial-delay", "250ms"),
                Map.entry("runflow.retry.max-delay", "4s"),
                Map.entry("runflow.poll.initial-interval", "500ms"),
                Map.entry("runflow.poll.max-interval", "3s"),
                Map.entry("runflow.poll.timeout", "10m"),
                Map.entry("runflow.webhook.path", "/hooks/runflow"),
                Map.entry("runflow.webhook.secrets", "whsec_old,whsec_new"),
                Map.entry("runflow.webhook.max-body-size", "64KB"),
                Map.entry("runflow.webhook.dedup", "none"),
                Map.entry("runflow.health.enabled", "false"));
        try (ApplicationContext context = ApplicationContext.run(properties)) {
            RunflowConfiguration config = context.getBean(RunflowConfiguration.class);
            assertThat(config.webhook().path()).isEqualTo("/hooks/runflow");
            assertThat(config.webhook().secrets()).containsExactly("whsec_old", "whsec_new");
            assertThat(config.webhook().maxBodySize()).isEqualTo(65_536L);
            assertThat(config.webhook().dedup()).isEqualTo(DedupKind.NONE);
            assertThat(config.health().enabled()).isFalse();
            assertThat(context.getBean(WebhookVerifier.class).maxBodySize()).isEqualTo(65_536L);

            RunflowOptions options = context.getBean(RunflowClient.class).options();
            assertThat(options.baseUrl()).hasToString("http://127.0.0.1:9/api");
            assertThat(options.organizationId()).isEqualTo("org_42");
            assertThat(options.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
            assertThat(options.readTimeout()).isEqualTo(Duration.ofSeconds(90));
            assertThat(options.retryPolicy().maxAttempts()).isEqualTo(3);
            assertThat(options.retryPolicy().initialDelay()).isEqualTo(Duration.ofMillis(250));
            assertThat(options.retryPolicy().maxDelay()).isEqualTo(Duration.ofSeconds(4));
            assertThat(options.pollPolicy().initialInterval()).isEqualTo(Duration.ofMillis(500));
            assertThat(options.pollPolicy().maxInterval()).isEqualTo(Duration.ofSeconds(3));
            assertThat(options.pollPolicy().timeout()).isEqualTo(Duration.ofMinutes(10));
        }
    }

    @Test
    void bindsTheNotifyKeyToNotifyKind() {
        try (ApplicationContext context = ApplicationContext.run(Map.of(
                "runflow.api-key", "rf_test_key", "runflow.webhook.dedup", "jdbc", "runflow.webhook.notify", "none"))) {
            RunflowConfiguration config = context.getBean(RunflowConfiguration.class);
            assertThat(config.webhook().notifyKind()).isEqualTo(NotifyKind.NONE);
            assertThat(config.webhookSettings().notifyKind()).isEqualTo(NotifyKind.NONE);
        }
        try (ApplicationContext context =
                ApplicationContext.run(Map.of("runflow.api-key", "rf_test_key", "runflow.webhook.dedup", "jdbc"))) {
            assertThat(context.getBean(RunflowConfiguration.class).webhook().notifyKind())
                    .isNull();
            assertThat(context.getBean(RunflowConfiguration.class)
                            .webhookSettings()
                            .notifyKind())
                    .isEqualTo(NotifyKind.POSTGRES);
        }
    }

    @Test
    void bindsTheDedupChoiceInAnyCase() {
        try (ApplicationContext context =
                ApplicationContext.run(Map.of("runflow.api-key", "rf_test_key", "runflow.webhook.dedup", "JDBC"))) {
            assertThat(context.getBean(RunflowConfiguration.class).webhook().dedup())
                    .isEqualTo(DedupKind.JDBC);
        }
    }

    @Test
    void showsNeitherTheKeyNorASecret() {
        try (ApplicationContext context = ApplicationContext.run(
                Map.of("runflow.api-key", "rf_test_key", "runflow.webhook.secrets", "whsec_hidden"))) {
            assertThat(context.getBean(RunflowConfiguration.class).toString())
                    .isEqualTo("RunflowConfiguration[enabled=true, apiKey=***, baseUrl=null, organizationId=null,"
                            + " timeouts=Timeouts[connect=null, read=null], retry=Retry[maxAttempts=null,"
                            + " initialDelay=null, maxDelay=null], poll=Poll[initialInterval=null, maxInterval=null,"
                            + " timeout=null], webhook=Webhook[path=null, secrets=1 (redacted), maxBodySize=null,"
                            + " dedup=null, transactional=null,"
                            + " reconcile=Reconcile[enabled=null, after=null, interval=null], notify=null],"
                            + " health=Health[enabled=true],"
                            + " tracing=Tracing[metadata=null]]");
        }
    }
}
