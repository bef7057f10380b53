package io.runflow.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Logger;
import io.runflow.RunflowClient;
import io.runflow.catalog.FluxProUltra;
import io.runflow.feign.RunflowFeign;
import io.runflow.model.CallbackSecret;
import io.runflow.model.Run;
import io.runflow.testkit.FakeRunflowServer;
import io.runflow.testkit.Fault;
import io.runflow.webhook.WebhookSigner;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A real application on a random port with every actuator endpoint that shows configuration exposed,
 * values shown ({@code show-values=always}), health details shown, {@code io.runflow} and {@code
 * feign} logging at TRACE and Feign at {@code FULL}: the API key and both webhook secrets appear in no
 * endpoint's answer and no line of output, through client calls, failures, callbacks and a start-up
 * that fails on a bad key.
 */
@SpringBootTest(
        classes = SecretsDoNotLeakTest.App.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.main.web-application-type=servlet",
            "management.endpoints.web.exposure.include=health,env,configprops,beans,conditions,metrics,loggers,"
                    + "mappings,info",
            "management.endpoint.env.show-values=always",
            "management.endpoint.configprops.show-values=always",
            "management.endpoint.health.show-details=always",
            "logging.level.io.runflow=TRACE",
            "logging.level.feign=TRACE"
        })
@ExtendWith(OutputCaptureExtension.class)
class SecretsDoNotLeakTest {

    static final String API_KEY = "rf_live_SECRETKEY_springLeakCheck_7d6c5b";
    static final String SECRET = "whsec_LEAKCHECK_spring_primary_0a1b2c";
    static final String ROTATED = "whsec_LEAKCHECK_spring_rotated_3d4e5f";
    static final List<String> NEEDLES =
            List.of(API_KEY, SECRET, ROTATED, "SECRETKEY_springLeakCheck", "spring_primary", "spring_rotated");

    static final FakeRunflowServer FAKE =
            FakeRunflowServer.builder().apiKey(API_KEY).webhookSecret(SECRET).build();

    @SpringBootConfiguration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class App {
        final BlockingQueue<String> received = new LinkedBlockingQueue<>();

        @EventListener
        void on(io.runflow.webhook.RunCallback callback) {
            received.add(callback.runId());
        }

        /** Feign at FULL: request and response headers and bodies, at DEBUG. */
        @Bean
        RunflowClientCustomizer fullFeignLogging() {
            return builder -> builder.transport(RunflowFeign.transport(feign -> feign.logLevel(Logger.Level.FULL)));
        }
    }

    @DynamicPropertySource
    static void runflow(DynamicPropertyRegistry registry) {
        registry.add("runflow.api-key", () -> API_KEY);
        registry.add("runflow.base-url", FAKE::baseUrl);
        registry.add("runflow.webhook.secrets", () -> ROTATED + "," + SECRET);
        registry.add("runflow.retry.max-attempts", () -> "1");
    }

    @AfterAll
    static void stopFake() {
        FAKE.close();
    }

    private final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    RunflowClient runflow;

    @Autowired
    App app;

    @Autowired
    RunflowProperties properties;

    @Autowired
    io.runflow.webhook.WebhookVerifier verifier;

    @Autowired
    io.runflow.webhook.WebhookEndpoint endpoint;

    @Value("${local.server.port}")
    int port;

    @Test
    void noActuatorEndpointShowsTheKeyOrASecret(CapturedOutput output) throws Exception {
        Map<String, HttpResponse<String>> answers = new java.util.LinkedHashMap<>();
        for (String path : List.of(
                "/actuator/env",
                "/actuator/env/runflow.api-key",
                "/actuator/env/runflow.webhook.secrets",
                "/actuator/configprops",
                "/actuator/configprops/runflow",
                "/actuator/beans",
                "/actuator/conditions",
                "/actuator/metrics",
                "/actuator/loggers",
                "/actuator/mappings",
                "/actuator/info")) {
            answers.put(path, get(path));
        }

        answers.forEach(
                (path, answer) -> assertThat(answer.statusCode()).as(path).isEqualTo(200));
        // Values are shown, so the masking is the starter's SanitizingFunction.
        assertThat(answers.get("/actuator/env").body()).contains(FAKE.baseUrl(), "runflow.api-key");
        assertThat(answers.get("/actuator/env/runflow.api-key").body()).contains("\"value\":\"******\"");
        assertThat(answers.get("/actuator/env/runflow.webhook.secrets").body()).contains("\"value\":\"******\"");
        assertThat(answers.get("/actuator/configprops/runflow").body())
                .contains(FAKE.baseUrl(), "\"apiKey\":\"******\"");
        answers.forEach((path, answer) -> assertNoSecret(path + " " + answer.body()));
        assertNoSecret(output.getAll());
    }

    @Test
    void theHealthDetailsShowNoSecretWhenTheApiEchoesTheKey(CapturedOutput output) throws Exception {
        FAKE.inject(Fault.status(401)
                .body("{\"code\":\"UNAUTHORIZED\",\"message\":\"key " + API_KEY + " rejected\"}")
                .onPath("/v1/health"));
        try {
            HttpResponse<String> health = get("/actuator/health");

            JsonNode runflowHealth = new ObjectMapper().readTree(health.body()).at("/components/runflow");
            assertThat(runflowHealth.path("status").asText()).isEqualTo("DOWN");
            assertThat(runflowHealth.at("/details/error").asText())
                    .startsWith("AuthenticationException: 401 UNAUTHORIZED: key *** rejected (request-id: ");
            assertNoSecret(health.body());
            assertNoSecret(output.getAll());
        } finally {
            FAKE.reset();
        }
    }

    @Test
    void clientCallsFailuresAndCallbacksLogNoSecretAtTrace(CapturedOutput output) throws Exception {
        List<String> shown = new ArrayList<>();
        Run run = runflow.runs()
                .run(FluxProUltra.input("a spring lighthouse").toRequest().withCallbackUrl(webhook()));
        assertThat(app.received.poll(5, TimeUnit.SECONDS)).isEqualTo(run.id());
        CallbackSecret created = runflow.callbackSecrets().create("rotation");
        String plain = created.secret().orElseThrow();
        shown.add(created.toString());
        shown.add(runflow.toString());
        shown.add(runflow.options().toString());
        shown.add(properties.toString());
        shown.add(verifier.toString());
        shown.add(endpoint.toString());
        FAKE.inject(Fault.status(401)
                .body("{\"code\":\"UNAUTHORIZED\",\"message\":\"Bearer " + API_KEY + " is revoked\"}")
                .onPath("/v1/runs")
                .times(1));
        shown.add(render(catchThrowable(() -> runflow.runs().get(run.id()))));
        // The JDK client itself sends a GET again once after a reset: more resets than that.
        FAKE.inject(Fault.connectionReset().onPath("/v1/runs").times(4));
        shown.add(render(catchThrowable(() -> runflow.runs().get(run.id()))));
        FAKE.reset();
        byte[] forged = ("{\"event\":\"run.succeeded\",\"run_id\":\"" + run.id() + "\",\"status\":\"succeeded\"}")
                .getBytes(StandardCharsets.UTF_8);
        shown.add(post(forged, WebhookSigner.of("whsec_not_ours").sign(forged)).body());
        shown.add(post(forged, null).body());
        shown.add(post(forged, WebhookSigner.of(ROTATED).sign(forged)).body());

        assertThat(output.getAll()).contains("Authorization: ***", "\"plain_secret\":\"***\"", "HTTP/1.1 401");
        assertThat(shown).hasSize(11);
        for (String text : shown) {
            assertNoSecret(text);
            assertThat(text).doesNotContain(plain, plain.substring(10));
        }
        assertNoSecret(output.getAll());
        assertThat(output.getAll()).doesNotContain(plain, plain.substring(10));
    }

    @Test
    void aStartUpThatFailsOnABadKeyReportsNoSecret(CapturedOutput output) {
        Throwable failure = catchThrowable(() -> new SpringApplicationBuilder(App.class)
                .properties(
                        "spring.main.web-application-type=none",
                        "runflow.api-key=" + API_KEY + " with a space",
                        "runflow.base-url=" + FAKE.baseUrl(),
                        "runflow.webhook.secrets=" + SECRET,
                        "logging.level.io.runflow=TRACE",
                        "logging.level.org.springframework.boot=DEBUG")
                .run()
                .close());

        assertThat(failure).isNotNull();
        assertThat(output.getAll())
                .contains("runflow.api-key is invalid: apiKey must be visible ASCII characters without spaces.");
        assertNoSecret(render(failure));
        assertNoSecret(output.getAll());
    }

    private URI webhook() {
        return URI.create("http://127.0.0.1:" + port + "/runflow/webhook");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(byte[] body, String signature) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(webhook())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (signature != null) {
            request.header("Runflow-Signature", signature);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String render(Throwable failure) {
        assertThat(failure).isNotNull();
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
