package io.runflow.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The fake is a test tool, but what it prints still holds no key and no signing secret: its {@code
 * toString()}s, its recorded requests and callbacks, its answers to a wrong key, and its {@code
 * System.Logger} output (java.util.logging here, opened to {@code ALL} while a test runs). The control
 * API's {@code /server} hands both out on purpose and is not scanned.
 */
class SecretsDoNotLeakTest {

    static final String API_KEY = "rf_live_SECRETKEY_testkitLeakCheck_6a7b8c";
    static final String WRONG_KEY = "rf_live_SECRETKEY_testkitWrongKey_1f2e3d";
    static final String SECRET = "whsec_LEAKCHECK_testkit_primary_9c8d7e";

    private final List<String> needles = new ArrayList<>(List.of(
            API_KEY, WRONG_KEY, SECRET, "SECRETKEY_testkitLeakCheck", "SECRETKEY_testkitWrongKey", "testkit_primary"));
    private static final Logger FAKE_LOGGER = Logger.getLogger(FakeRunflowServer.class.getName());
    private final List<String> logged = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            synchronized (logged) {
                logged.add(record.getLevel() + " " + record.getMessage() + " " + record.getThrown());
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };
    private Level previousLevel;

    @BeforeEach
    void captureEveryLevel() {
        previousLevel = FAKE_LOGGER.getLevel();
        FAKE_LOGGER.setLevel(Level.ALL);
        capture.setLevel(Level.ALL);
        FAKE_LOGGER.addHandler(capture);
    }

    @AfterEach
    void stopCapturing() {
        FAKE_LOGGER.removeHandler(capture);
        FAKE_LOGGER.setLevel(previousLevel);
    }

    @Test
    void nothingTheFakeRecordsPrintsOrAnswersHoldsTheKeyOrASecret() {
        FakeRunflowServer.Builder builder =
                FakeRunflowServer.builder().deterministic().apiKey(API_KEY).webhookSecret(SECRET);
        List<String> shown = new ArrayList<>();
        shown.add(builder.toString());
        try (FakeRunflowServer server = builder.build();
                Receiver receiver = new Receiver()) {
            Http http = new Http(server);
            String runId = http.createFlux(",\"callback_url\":\"" + receiver.url() + "\"");
            server.advance(Duration.ofSeconds(1));
            Http.Answer created = http.post("/v1/callback-secrets", "{\"label\":\"rotation\"}");
            String plain = created.json().get("plain_secret").asText();
            needles.add(plain);
            needles.add(plain.substring(10));
            http.method(
                    "PATCH", "/v1/callback-secrets/" + created.json().get("id").asText(), "{\"is_current\":true}");
            server.inject(Fault.unavailable().onPath("/v1/runs").times(1));
            shown.add(http.get("/v1/runs/" + runId).text());
            shown.add(http.withKey(WRONG_KEY).get("/v1/runs/" + runId).text());
            shown.add(http.withKey(WRONG_KEY)
                    .post("/v1/callback-secrets", "{\"label\":\"" + WRONG_KEY + "\"}")
                    .text());
            shown.add(http.get("/v1/callback-secrets").text());
            shown.add(http.post("/v1/callback-secrets", "{not json").text());

            assertThat(receiver.received()).isNotEmpty();
            assertThat(server.deliveries(runId)).isNotEmpty();
            shown.add(server.toString());
            shown.add(server.requests().toString());
            shown.add(server.callbackSecrets().toString());
            shown.add(server.deliveries().toString());
            server.deliveries().forEach(d -> shown.add(d.attempts().toString()));
            shown.add(server.runs().toString());
            shown.add(builder.toString());
        }

        assertThat(shown).hasSizeGreaterThan(10);
        shown.forEach(this::assertNoSecret);
        synchronized (logged) {
            logged.forEach(this::assertNoSecret);
        }
    }

    private void assertNoSecret(String text) {
        assertThat(text).isNotNull();
        for (String needle : needles) {
            assertThat(text).as("a secret in: %s", text).doesNotContain(needle);
        }
    }
}
