package io.runflow.micronaut;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Logger.Level;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.management.endpoint.env.EnvironmentEndpoint;
import io.micronaut.management.endpoint.env.EnvironmentEndpointFilter;
import io.micronaut.management.endpoint.env.EnvironmentFilterSpecification;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.runflow.RunflowClient;
import io.runflow.catalog.FluxProUltra;
import io.runflow.feign.RunflowFeign;
import io.runflow.model.CallbackSecret;
import io.runflow.model.Run;
import io.runflow.testkit.FakeRunflowServer;
import io.runflow.testkit.Fault;
import io.runflow.webhook.WebhookSettings;
import io.runflow.webhook.WebhookSigner;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A real Netty server with the management endpoints on and not sensitive ({@code env}, {@code beans},
 * {@code info}, {@code routes}, health details for anyone; {@code loggers} needs a logging system,
 * which slf4j-simple is not), Feign at {@code FULL}
 * and {@code io.runflow} at DEBUG (slf4j-simple to the file the surefire configuration names; core's
 * {@code System.Logger} through java.util.logging, captured at {@code ALL}): the API key and both
 * webhook secrets appear in no endpoint's answer and no log line. Micronaut masks every {@code env}
 * value unless the application says otherwise, and an application filter with Micronaut's {@code
 * legacyMasking()} still masks both keys, so the module contributes no filter of its own.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "spec.name", value = "SecretsDoNotLeakTest")
@Property(name = "endpoints.all.sensitive", value = "false")
@Property(name = "endpoints.env.enabled", value = "true")
@Property(name = "endpoints.env.sensitive", value = "false")
@Property(name = "endpoints.beans.enabled", value = "true")
@Property(name = "endpoints.routes.enabled", value = "true")
@Property(name = "endpoints.info.enabled", value = "true")
@Property(name = "endpoints.health.details-visible", value = "ANONYMOUS")
@Property(name = "runflow.retry.max-attempts", value = "1")
class SecretsDoNotLeakTest implements TestPropertyProvider {

    static final String API_KEY = "rf_live_SECRETKEY_micronautLeakCheck_2c3d4e";
    static final String SECRET = "whsec_LEAKCHECK_micronaut_primary_5f6a7b";
    static final String ROTATED = "whsec_LEAKCHECK_micronaut_rotated_8c9d0e";
    static final List<String> NEEDLES =
            List.of(API_KEY, SECRET, ROTATED, "SECRETKEY_micronautLeakCheck", "micronaut_primary", "micronaut_rotated");

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final List<String> JUL_RECORDS = new ArrayList<>();
    private static final Logger RUNFLOW_JUL = Logger.getLogger("io.runflow");
    private static final Handler JUL_CAPTURE = new Handler() {
        @Override
        public void publish(LogRecord record) {
            synchronized (JUL_RECORDS) {
                JUL_RECORDS.add(record.getLevel() + " " + record.getMessage() + " " + render(record.getThrown()));
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    private final FakeRunflowServer fake = FakeRunflowServer.builder()
            .deterministic()
            .apiKey(API_KEY)
            .webhookSecret(SECRET)
            .build();

    private static java.util.logging.Level previousLevel;
    private static long logStart;

    @Inject
    RunflowClient runflow;

    @Inject
    EmbeddedServer server;

    @Inject
    RunflowConfiguration configuration;

    @Inject
    io.runflow.webhook.WebhookVerifier verifier;

    @Override
    public Map<String, String> getProperties() {
        return Map.of(
                "runflow.api-key",
                API_KEY,
                "runflow.base-url",
                fake.baseUrl(),
                "runflow.webhook.secrets",
                ROTATED + "," + SECRET);
    }

    @BeforeAll
    static void captureLogs() throws Exception {
        previousLevel = RUNFLOW_JUL.getLevel();
        RUNFLOW_JUL.setLevel(java.util.logging.Level.ALL);
        JUL_CAPTURE.setLevel(java.util.logging.Level.ALL);
        RUNFLOW_JUL.addHandler(JUL_CAPTURE);
        Path log = log();
        logStart = Files.exists(log) ? Files.size(log) : 0;
    }

    @AfterAll
    void stop() {
        RUNFLOW_JUL.removeHandler(JUL_CAPTURE);
        RUNFLOW_JUL.setLevel(previousLevel);
        fake.close();
    }

    @Test
    void noManagementEndpointShowsTheKeyOrASecret() throws Exception {
        List<String> answers = new ArrayList<>();
        JsonNode env = new ObjectMapper().readTree(get("/env"));
        answers.add(env.toString());
        String runflowSource = null;
        for (JsonNode source : env.path("propertySources")) {
            String body = get("/env/" + source.path("name").asText());
            answers.add(body);
            if (body.contains("runflow.api-key")) {
                runflowSource = body;
            }
        }
        for (String path : List.of("/beans", "/routes", "/info")) {
            answers.add(get(path));
        }

        assertThat(runflowSource).as("the property source holding runflow.*").isNotNull();
        JsonNode properties = new ObjectMapper().readTree(runflowSource).path("properties");
        assertThat(properties.path("runflow.api-key").asText()).isEqualTo("*****");
        assertThat(properties.path("runflow.webhook.secrets").asText()).isEqualTo("*****");
        answers.forEach(SecretsDoNotLeakTest::assertNoSecret);
    }

    @Test
    void theHealthDetailsShowNoSecretWhenTheApiEchoesTheKey() throws Exception {
        fake.inject(Fault.status(401)
                .body("{\"code\":\"UNAUTHORIZED\",\"message\":\"key " + API_KEY + " rejected\"}")
                .onPath("/v1/health"));
        try {
            HttpResponse<String> health = send(HttpRequest.newBuilder(URI.create(server.getURI() + "/health")));

            assertThat(health.body()).contains("DOWN", "key *** rejected");
            assertNoSecret(health.body());
        } finally {
            fake.reset();
        }
    }

    @Test
    void callsFailuresAndCallbacksLogNoSecret() throws Exception {
        List<String> shown = new ArrayList<>();
        Run run = runflow.runs()
                .create(FluxProUltra.input("a micronaut lighthouse")
                        .toRequest()
                        .withCallbackUrl(server.getURI().resolve(WebhookSettings.DEFAULT_PATH)));
        fake.advance(Duration.ofSeconds(1));
        assertThat(fake.deliveries(run.id())).isNotEmpty().allMatch(d -> d.delivered());
        CallbackSecret created = runflow.callbackSecrets().create("rotation");
        String plain = created.secret().orElseThrow();
        shown.add(created.toString());
        shown.add(runflow.toString());
        shown.add(configuration.toString());
        shown.add(verifier.toString());
        fake.inject(Fault.status(401)
                .body("{\"code\":\"UNAUTHORIZED\",\"message\":\"Bearer " + API_KEY + " is revoked\"}")
                .onPath("/v1/runs")
                .times(1));
        shown.add(render(catchThrowable(() -> runflow.runs().get(run.id()))));
        byte[] forged = ("{\"event\":\"run.succeeded\",\"run_id\":\"" + run.id() + "\",\"status\":\"succeeded\"}")
                .getBytes(StandardCharsets.UTF_8);
        shown.add(post(forged, WebhookSigner.of("whsec_not_ours").sign(forged)));
        shown.add(post(forged, null));
        shown.add(post(forged, WebhookSigner.of(ROTATED).sign(forged)));

        String logged = Files.readString(log()).substring((int) logStart);
        assertThat(logged).contains("Authorization: ***", "\"plain_secret\":\"***\"", "HTTP/1.1 401");
        List<String> everything = new ArrayList<>(shown);
        everything.add(logged);
        synchronized (JUL_RECORDS) {
            assertThat(JUL_RECORDS).isNotEmpty();
            everything.addAll(JUL_RECORDS);
        }
        for (String text : everything) {
            assertNoSecret(text);
            assertThat(text).doesNotContain(plain, plain.substring(10));
        }
    }

    @Test
    void anApplicationFilterWithLegacyMaskingStillMasksBothKeys() {
        Map<String, Object> properties = new HashMap<>();
        properties.put("spec.name", "SecretsDoNotLeakTest.legacy");
        properties.put("runflow.api-key", API_KEY);
        properties.put("runflow.base-url", fake.baseUrl());
        properties.put("runflow.webhook.secrets", List.of(SECRET, ROTATED));
        properties.put("endpoints.env.enabled", "true");
        try (ApplicationContext context = ApplicationContext.run(properties)) {
            Map<String, Object> info =
                    context.getBean(EnvironmentEndpoint.class).getEnvironmentInfo();
            StringBuilder shown = new StringBuilder(info.toString());
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> sources = (List<Map<String, Object>>) info.get("propertySources");
            Map<String, Object> runflowProperties = null;
            for (Map<String, Object> source : sources) {
                Map<String, Object> read =
                        context.getBean(EnvironmentEndpoint.class).getProperties(String.valueOf(source.get("name")));
                shown.append(read);
                @SuppressWarnings("unchecked")
                Map<String, Object> values = (Map<String, Object>) read.get("properties");
                if (values != null && values.containsKey("runflow.api-key")) {
                    runflowProperties = values;
                }
            }

            assertThat(runflowProperties).isNotNull();
            assertThat(runflowProperties).containsEntry("runflow.base-url", fake.baseUrl());
            assertThat(runflowProperties).containsEntry("runflow.api-key", "*****");
            assertThat(String.valueOf(runflowProperties.get("runflow.webhook.secrets")))
                    .doesNotContain("whsec_");
            assertNoSecret(shown.toString());
        }
    }

    @Test
    void aStartUpThatFailsOnABadKeyShowsNoSecret() {
        Throwable failure = catchThrowable(() -> ApplicationContext.run(
                        Map.of("runflow.api-key", API_KEY + " with a space", "runflow.webhook.secrets", SECRET))
                .close());

        assertThat(failure).hasMessageContaining("runflow.api-key is invalid");
        assertNoSecret(render(failure));
    }

    /** An application's own filter, as Micronaut's documentation shows it: legacy masking. */
    @Singleton
    @Requires(property = "spec.name", value = "SecretsDoNotLeakTest.legacy")
    static class LegacyMasking implements EnvironmentEndpointFilter {
        @Override
        public void specifyFiltering(EnvironmentFilterSpecification specification) {
            specification.maskNone().legacyMasking();
        }
    }

    /** Feign at FULL: request and response headers and bodies, at DEBUG. */
    @Singleton
    @Requires(property = "spec.name", value = "SecretsDoNotLeakTest")
    static class FullFeignLogging implements BeanCreatedEventListener<RunflowClient.Builder> {
        @Override
        public RunflowClient.Builder onCreated(BeanCreatedEvent<RunflowClient.Builder> event) {
            return event.getBean().transport(RunflowFeign.transport(feign -> feign.logLevel(Level.FULL)));
        }
    }

    private static Path log() {
        return Path.of(System.getProperty("org.slf4j.simpleLogger.logFile", "target/none.log"));
    }

    private String get(String path) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(server.getURI() + path)));
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    private String post(byte[] body, String signature) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.getURI().resolve(WebhookSettings.DEFAULT_PATH))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (signature != null) {
            request.header("Runflow-Signature", signature);
        }
        HttpResponse<String> response = send(request);
        return response.statusCode() + " " + response.body();
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String render(Throwable failure) {
        if (failure == null) {
            return "";
        }
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        return failure + "\n" + trace;
    }

    private static void assertNoSecret(String text) {
        for (String needle : NEEDLES) {
            assertThat(text).as("a secret in: %s", text).doesNotContain(needle);
        }
    }
}
