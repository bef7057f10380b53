package io.runflow.testkit;

import static io.runflow.testkit.Http.FLUX_RUNS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.runflow.testkit.junit.RunflowExtension;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The control API over real HTTP, without a key, against a deterministic server that serves it. */
class ControlApiTest {

    @RegisterExtension
    static final RunflowExtension runflow = RunflowExtension.builder()
            .server(FakeRunflowServer.builder().deterministic().controlApi(true))
            .build();

    FakeRunflowServer server;
    Http http;
    Http control;

    @BeforeEach
    void connect() {
        server = runflow.server();
        http = new Http(server);
        control = http.withKey(null);
    }

    String status(String runId) {
        return http.get("/v1/runs/" + runId).json().get("status_code").asText();
    }

    static String error(String field, String message) {
        return "{\"code\":\"VALIDATION_ERROR\",\"message\":\"request validation failed\",\"errors\":[{\"field\":\""
                + field + "\",\"message\":\"" + message + "\"}]}";
    }

    // faults

    @Test
    void anInjectedFaultAnswersTheNextMatchingRequests() {
        Http.Answer injected =
                control.post("/__fake/v1/faults", "{\"kind\":\"unavailable\",\"path\":\"/v1/runs\",\"times\":2}");

        assertThat(injected.status()).isEqualTo(200);
        assertThat(injected.json().get("applied").asText())
                .isEqualTo("inject(Fault[RESPOND 503, times=2, path=/v1/runs])");
        assertThat(http.get("/v1/health").status()).isEqualTo(200);
        assertThat(http.get("/v1/runs").json().get("code").asText()).isEqualTo("SERVICE_UNAVAILABLE");
        assertThat(http.get("/v1/runs").status()).isEqualTo(503);
        assertThat(http.get("/v1/runs").status()).isEqualTo(200);
    }

    @Test
    void aStatusFaultCarriesTheGivenBodyAndHeaders() {
        control.post(
                "/__fake/v1/faults",
                "{\"kind\":\"status\",\"status\":418,\"body\":{\"code\":\"TEAPOT\"},\"headers\":{\"Retry-After\":\"3\"}}");

        Http.Answer a = http.get("/v1/runs");

        assertThat(a.status()).isEqualTo(418);
        assertThat(a.text()).isEqualTo("{\"code\":\"TEAPOT\"}");
        assertThat(a.header("Retry-After")).isEqualTo("3");
    }

    @Test
    void aStringBodyOfAFaultIsSentAsItIs() {
        control.post("/__fake/v1/faults", "{\"kind\":\"rate_limited\",\"body\":\"{\\\"code\\\":\\\"SLOW\\\"}\"}");

        Http.Answer a = http.get("/v1/runs");

        assertThat(a.status()).isEqualTo(429);
        assertThat(a.text()).isEqualTo("{\"code\":\"SLOW\"}");
    }

    @Test
    void aConnectionResetFaultClosesTheConnectionAndAppliesNothing() {
        control.post("/__fake/v1/faults", "{\"kind\":\"connection_reset\"}");
        HttpRequest create = http.builder(FLUX_RUNS)
                .POST(HttpRequest.BodyPublishers.ofString("{\"input\":{\"prompt\":\"x\"}}"))
                .build();

        assertThatThrownBy(() -> http.sendRaw(create)).isInstanceOf(IOException.class);
        assertThat(server.runs()).isEmpty();
    }

    @Test
    void anAcceptThenDropFaultAppliesTheCreateAndLosesTheAnswer() {
        control.post("/__fake/v1/faults", "{\"kind\":\"accept_then_drop\",\"path\":\"/v1/models/\"}");
        HttpRequest create = http.builder(FLUX_RUNS)
                .POST(HttpRequest.BodyPublishers.ofString("{\"input\":{\"prompt\":\"x\"}}"))
                .build();

        assertThatThrownBy(() -> http.sendRaw(create)).isInstanceOf(IOException.class);
        assertThat(server.runs()).hasSize(1);
    }

    @Test
    void aDelayFaultTakesSecondsOrAnIsoDuration() {
        Http.Answer seconds = control.post("/__fake/v1/faults", "{\"kind\":\"delay\",\"delay\":0.001}");
        Http.Answer iso = control.post("/__fake/v1/faults", "{\"kind\":\"delay\",\"delay\":\"PT0.002S\"}");

        assertThat(seconds.json().get("applied").asText()).isEqualTo("inject(Fault[DELAY PT0.001S, times=1])");
        assertThat(iso.json().get("applied").asText()).isEqualTo("inject(Fault[DELAY PT0.002S, times=1])");
        assertThat(http.get("/v1/runs").status()).isEqualTo(200);
    }

    @Test
    void noFaultAppliesToAControlRequest() {
        control.post("/__fake/v1/faults", "{\"kind\":\"unavailable\"}");

        assertThat(control.get("/__fake/v1/runs").status()).isEqualTo(200);
        assertThat(http.get("/v1/runs").status()).isEqualTo(503);
    }

    @Test
    void aFaultWithoutAKindIsRejected() {
        Http.Answer a = control.post("/__fake/v1/faults", "{\"times\":2}");

        assertThat(a.status()).isEqualTo(422);
        assertThat(a.text()).isEqualTo(error("kind", "is required"));
    }

    @Test
    void anUnknownFaultKindIsRejected() {
        Http.Answer a = control.post("/__fake/v1/faults", "{\"kind\":\"slow\"}");

        assertThat(a.text())
                .isEqualTo(error(
                        "kind",
                        "must be one of status, rate_limited, unavailable, html_page, delay, connection_reset,"
                                + " accept_then_drop, truncated_body, slow_body, oversized_body; got slow"));
    }

    @Test
    void everyBadFieldOfAFaultIsNamed() {
        Http.Answer a = control.post(
                "/__fake/v1/faults", "{\"kind\":\"status\",\"status\":600,\"times\":0,\"path\":\"v1\",\"delay\":1}");

        assertThat(a.status()).isEqualTo(422);
        assertThat(a.json().get("errors").toString())
                .isEqualTo("[{\"field\":\"times\",\"message\":\"must be at least 1\"},"
                        + "{\"field\":\"path\",\"message\":\"must start with /\"},"
                        + "{\"field\":\"delay\",\"message\":\"applies only to kind delay\"},"
                        + "{\"field\":\"status\",\"message\":\"must be 100..599\"}]");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void aStatusFaultNeedsItsStatus() {
        assertThat(control.post("/__fake/v1/faults", "{\"kind\":\"status\"}").text())
                .isEqualTo(error("status", "is required for kind status"));
    }

    @Test
    void headersGoOnlyWithAnsweringFaults() {
        assertThat(control.post("/__fake/v1/faults", "{\"kind\":\"connection_reset\",\"headers\":{\"A\":\"b\"}}")
                        .text())
                .isEqualTo(error("headers", "applies only to kinds status, rate_limited, unavailable and html_page"));
    }

    @Test
    void theBodySpoilingFaultsAndTheHtmlPageAreScriptedByKind() {
        assertThat(applied("{\"kind\":\"html_page\",\"status\":502}"))
                .isEqualTo("inject(Fault[RESPOND 502 text/html, times=1])");
        assertThat(applied("{\"kind\":\"truncated_body\",\"path\":\"/v1/runs/\"}"))
                .isEqualTo("inject(Fault[TRUNCATED_BODY, times=1, path=/v1/runs/])");
        assertThat(applied("{\"kind\":\"slow_body\",\"duration\":0.25,\"times\":2}"))
                .isEqualTo("inject(Fault[SLOW_BODY PT0.25S, times=2])");
        assertThat(applied("{\"kind\":\"oversized_body\",\"bytes\":1048576}"))
                .isEqualTo("inject(Fault[OVERSIZED_BODY 1048576 bytes, times=1])");
    }

    @Test
    void anHtmlPageAnswersWithTheGivenStatusAsHtml() {
        control.post("/__fake/v1/faults", "{\"kind\":\"html_page\",\"status\":502}");

        Http.Answer a = http.get("/v1/runs");

        assertThat(a.status()).isEqualTo(502);
        assertThat(a.header("Content-Type")).isEqualTo("text/html");
        assertThat(a.text()).contains("<title>502 Bad Gateway</title>");
    }

    @Test
    void eachFaultFieldGoesOnlyWithItsKind() {
        Http.Answer a = control.post(
                "/__fake/v1/faults", "{\"kind\":\"truncated_body\",\"status\":200,\"duration\":1,\"bytes\":9}");

        assertThat(a.json().get("errors").toString())
                .isEqualTo("[{\"field\":\"status\",\"message\":\"applies only to kinds status and html_page\"},"
                        + "{\"field\":\"duration\",\"message\":\"applies only to kind slow_body\"},"
                        + "{\"field\":\"bytes\",\"message\":\"applies only to kind oversized_body\"}]");
        assertThat(control.post("/__fake/v1/faults", "{\"kind\":\"oversized_body\"}")
                        .text())
                .isEqualTo(error("bytes", "is required for kind oversized_body"));
        assertThat(control.post("/__fake/v1/faults", "{\"kind\":\"slow_body\"}").text())
                .isEqualTo(error("duration", "is required"));
        assertThat(control.post("/__fake/v1/faults", "{\"kind\":\"oversized_body\",\"bytes\":0}")
                        .text())
                .isEqualTo(error("bytes", "must be at least 1"));
    }

    private String applied(String fault) {
        Http.Answer a = control.post("/__fake/v1/faults", fault);
        assertThat(a.status()).as(a.text()).isEqualTo(200);
        return a.json().get("applied").asText();
    }

    @Test
    void aHeaderValueMustBeAStringWithoutLineBreaks() {
        Http.Answer a = control.post(
                "/__fake/v1/faults",
                "{\"kind\":\"unavailable\",\"headers\":{\"Retry-After\":3,\"X-Evil\":\"a\\r\\nb\",\"Bad Name\":\"x\"}}");

        assertThat(a.json().get("errors").toString())
                .isEqualTo("[{\"field\":\"headers.Retry-After\",\"message\":\"must be a string\"},"
                        + "{\"field\":\"headers.X-Evil\",\"message\":\"must not contain a line break\"},"
                        + "{\"field\":\"headers.Bad Name\",\"message\":\"is not a valid header name\"}]");
    }

    @Test
    void aMisspeltFieldIsRejectedRatherThanIgnored() {
        assertThat(control.post("/__fake/v1/faults", "{\"kind\":\"unavailable\",\"time\":2}")
                        .text())
                .isEqualTo(error(
                        "time",
                        "is not a known field; known: body, bytes, delay, duration, headers, kind, path,"
                                + " status, times"));
    }

    // outcomes

    @Test
    void anOutcomeForAModelAppliesToEveryLaterRunOfIt() {
        Http.Answer scripted = control.post(
                "/__fake/v1/outcomes",
                "{\"model\":\"black-forest-labs/flux-1-1-pro-ultra\",\"outcome\":{\"kind\":\"fail\","
                        + "\"code\":\"NSFW\",\"stage\":\"postprocess\",\"message\":\"blocked\"}}");
        String first = http.createFlux("");
        String second = http.createFlux("");
        server.advance(Duration.ofSeconds(1));

        assertThat(scripted.json().get("applied").asText())
                .isEqualTo("onModel(black-forest-labs/flux-1-1-pro-ultra, Outcome[FAIL NSFW at postprocess: blocked])");
        JsonNode run = http.get("/v1/runs/" + first).json();
        assertThat(run.get("status_code").asText()).isEqualTo("failed");
        assertThat(run.get("failure_code").asText()).isEqualTo("NSFW");
        assertThat(run.get("failure_message").asText()).isEqualTo("blocked");
        assertThat(status(second)).isEqualTo("failed");
    }

    @Test
    void anOutcomeForTheNextRunAppliesToThatRunOnly() {
        control.post("/__fake/v1/outcomes", "{\"next\":true,\"outcome\":{\"kind\":\"cancel\"}}");
        String first = http.createFlux("");
        String second = http.createFlux("");
        server.advance(Duration.ofSeconds(1));

        assertThat(status(first)).isEqualTo("canceled");
        assertThat(status(second)).isEqualTo("succeeded");
    }

    @Test
    void aPartialSuccessCanBeScripted() {
        control.post("/__fake/v1/outcomes", "{\"next\":true,\"outcome\":{\"kind\":\"partial_succeed\"}}");
        String run = http.createFlux("");
        server.advance(Duration.ofSeconds(1));

        assertThat(status(run)).isEqualTo("partial_succeeded");
    }

    @Test
    void aFailWithoutDetailsUsesTheDefaultFailure() {
        Http.Answer a = control.post("/__fake/v1/outcomes", "{\"next\":true,\"outcome\":{\"kind\":\"fail\"}}");

        assertThat(a.json().get("applied").asText())
                .isEqualTo(
                        "onNextRun(Outcome[FAIL PROVIDER_ERROR at inference: the model provider returned an error])");
    }

    @Test
    void anOutcomeAfterARunningTimeEndsThen() {
        control.post("/__fake/v1/outcomes", "{\"next\":true,\"outcome\":{\"kind\":\"succeed\",\"after\":\"PT3M\"}}");
        String id = http.createFlux("");

        server.advance(Duration.ofMinutes(3));
        String before = status(id);
        server.advance(Duration.ofMillis(20));

        assertThat(before).isEqualTo("running");
        assertThat(status(id)).isEqualTo("succeeded");
    }

    @Test
    void anOutcomeNeedsExactlyOneOfModelAndNext() {
        String outcome = ",\"outcome\":{\"kind\":\"succeed\"}}";

        assertThat(control.post("/__fake/v1/outcomes", "{" + outcome.substring(1))
                        .text())
                .isEqualTo(error("model", "give exactly one of model and next"));
        assertThat(control.post("/__fake/v1/outcomes", "{\"model\":\"a/b\",\"next\":true" + outcome)
                        .text())
                .isEqualTo(error("model", "give exactly one of model and next"));
        assertThat(control.post("/__fake/v1/outcomes", "{\"next\":false" + outcome)
                        .text())
                .isEqualTo(error("next", "must be true when given; script a model's runs with model instead"));
    }

    @Test
    void anOutcomeIsRequired() {
        assertThat(control.post("/__fake/v1/outcomes", "{\"next\":true}").text())
                .isEqualTo(error("outcome", "is required"));
        assertThat(control.post("/__fake/v1/outcomes", "{\"next\":true,\"outcome\":\"fail\"}")
                        .text())
                .isEqualTo(error("outcome", "must be a JSON object"));
    }

    @Test
    void badOutcomeFieldsAreNamedUnderOutcome() {
        assertThat(control.post("/__fake/v1/outcomes", "{\"next\":true,\"outcome\":{\"kind\":\"explode\"}}")
                        .text())
                .isEqualTo(error(
                        "outcome.kind", "must be one of succeed, partial_succeed, fail, cancel, hold; got explode"));
        assertThat(control.post(
                                "/__fake/v1/outcomes",
                                "{\"next\":true,\"outcome\":{\"kind\":\"succeed\",\"code\":\"X\"}}")
                        .text())
                .isEqualTo(error("outcome.code", "applies only to kind fail"));
        assertThat(control.post("/__fake/v1/outcomes", "{\"next\":true,\"outcome\":{\"kind\":\"hold\",\"after\":5}}")
                        .text())
                .isEqualTo(error("outcome.after", "a held run ends when released, not after a time"));
    }

    @Test
    void aFailGivesCodeStageAndMessageTogether() {
        Http.Answer a =
                control.post("/__fake/v1/outcomes", "{\"next\":true,\"outcome\":{\"kind\":\"fail\",\"code\":\"X\"}}");

        assertThat(a.json().get("errors").toString())
                .isEqualTo("[{\"field\":\"outcome.stage\",\"message\":\"is required\"},"
                        + "{\"field\":\"outcome.message\",\"message\":\"is required\"}]");
    }

    @Test
    void aRejectedOutcomeScriptsNothing() {
        control.post("/__fake/v1/outcomes", "{\"next\":true,\"outcome\":{\"kind\":\"fail\",\"code\":\"X\"}}");
        String id = http.createFlux("");
        server.advance(Duration.ofSeconds(1));

        assertThat(status(id)).isEqualTo("succeeded");
    }

    // time

    @Test
    void advanceMovesServerTimeBySecondsOrAnIsoDuration() {
        Http.Answer seconds = control.post("/__fake/v1/time/advance", "{\"duration\":1.5}");
        Http.Answer iso = control.post("/__fake/v1/time/advance", "{\"duration\":\"PT1M\"}");

        assertThat(seconds.json().get("applied").asText()).isEqualTo("advance(PT1.5S)");
        assertThat(seconds.json().get("now").asText()).isEqualTo("2026-05-06T10:00:01.500000Z");
        assertThat(iso.json().get("now").asText()).isEqualTo("2026-05-06T10:01:01.500000Z");
        assertThat(server.clock().instant())
                .isEqualTo(FakeRunflowServer.DETERMINISTIC_START.plusSeconds(61).plusMillis(500));
    }

    @Test
    void advanceFinishesARun() {
        String id = http.createFlux("");

        control.post("/__fake/v1/time/advance", "{\"duration\":1}");

        assertThat(status(id)).isEqualTo("succeeded");
    }

    @Test
    void aBadDurationIsNamed() {
        assertThat(control.post("/__fake/v1/time/advance", "{}").text()).isEqualTo(error("duration", "is required"));
        assertThat(control.post("/__fake/v1/time/advance", "{\"duration\":-1}").text())
                .isEqualTo(error("duration", "must not be negative"));
        assertThat(control.post("/__fake/v1/time/advance", "{\"duration\":\"-PT1S\"}")
                        .text())
                .isEqualTo(error("duration", "must not be negative"));
        assertThat(control.post("/__fake/v1/time/advance", "{\"duration\":\"1 minute\"}")
                        .text())
                .isEqualTo(error("duration", "must be a number of seconds or an ISO-8601 duration such as PT1M30S"));
        assertThat(control.post("/__fake/v1/time/advance", "{\"duration\":true}")
                        .text())
                .isEqualTo(error("duration", "must be a number of seconds or an ISO-8601 duration such as PT1M30S"));
    }

    @Test
    void aDurationIsAtMostTenYears() {
        assertThat(control.post("/__fake/v1/time/advance", "{\"duration\":\"P3650DT1S\"}")
                        .text())
                .isEqualTo(error("duration", "must be at most PT87600H"));
        assertThat(control.post("/__fake/v1/time/advance", "{\"duration\":1e300}")
                        .text())
                .isEqualTo(error("duration", "must be at most PT87600H"));
        assertThat(control.post("/__fake/v1/time/advance", "{\"duration\":\"P3650D\"}")
                        .status())
                .isEqualTo(200);
    }

    // release

    @Test
    void releaseEndsAHeldRunWithTheGivenOutcome() {
        control.post("/__fake/v1/outcomes", "{\"next\":true,\"outcome\":{\"kind\":\"hold\"}}");
        String id = http.createFlux("");
        server.advance(Duration.ofHours(1));
        String held = status(id);

        Http.Answer released = control.post("/__fake/v1/runs/" + id + "/release", "{\"outcome\":{\"kind\":\"fail\"}}");

        assertThat(held).isEqualTo("running");
        assertThat(released.json().get("released").asBoolean()).isTrue();
        assertThat(released.json().get("applied").asText())
                .isEqualTo("release(" + id + ", Outcome[FAIL PROVIDER_ERROR at inference:"
                        + " the model provider returned an error])");
        assertThat(status(id)).isEqualTo("failed");
    }

    @Test
    void releaseWithoutABodySucceedsTheRun() {
        control.post("/__fake/v1/outcomes", "{\"next\":true,\"outcome\":{\"kind\":\"hold\"}}");
        String id = http.createFlux("");
        server.advance(Duration.ofSeconds(1));

        Http.Answer released = control.post("/__fake/v1/runs/" + id + "/release", "");

        assertThat(released.status()).isEqualTo(200);
        assertThat(status(id)).isEqualTo("succeeded");
    }

    @Test
    void releaseOfATerminalRunSaysSo() {
        String id = http.createFlux("");
        server.advance(Duration.ofSeconds(1));

        Http.Answer released = control.post("/__fake/v1/runs/" + id + "/release", "");

        assertThat(released.status()).isEqualTo(200);
        assertThat(released.json().get("released").asBoolean()).isFalse();
    }

    @Test
    void releaseOfAnUnknownRunIs404() {
        Http.Answer a = control.post("/__fake/v1/runs/run_nope/release", "");

        assertThat(a.status()).isEqualTo(404);
        assertThat(a.text())
                .isEqualTo("{\"code\":\"RUN_NOT_FOUND\",\"message\":\"no run with id run_nope\",\"errors\":null}");
    }

    // reset

    @Test
    void resetForgetsRunsFaultsAndOutcomesAndPutsTheClockBack() {
        http.createFlux("");
        server.advance(Duration.ofMinutes(5));
        control.post("/__fake/v1/faults", "{\"kind\":\"unavailable\"}");
        control.post("/__fake/v1/outcomes", "{\"next\":true,\"outcome\":{\"kind\":\"cancel\"}}");

        Http.Answer reset = control.post("/__fake/v1/reset", "");

        assertThat(reset.status()).isEqualTo(200);
        assertThat(reset.json().get("applied").asText()).isEqualTo("reset()");
        assertThat(reset.json().get("now").asText()).isEqualTo("2026-05-06T10:00:00Z");
        assertThat(server.runs()).isEmpty();
        assertThat(server.requests()).isEmpty();
        String id = http.createFlux("");
        server.advance(Duration.ofSeconds(1));
        assertThat(status(id)).isEqualTo("succeeded");
    }

    @Test
    void resetTakesNoFields() {
        assertThat(control.post("/__fake/v1/reset", "{\"all\":true}").text())
                .isEqualTo(error("all", "is not a known field; this endpoint takes none"));
    }

    // reading

    @Test
    void requestsShowTheJournalWithoutControlRequests() {
        control.get("/__fake/v1/runs");
        String id = http.createFlux(",\"metadata\":{\"sku\":\"A-1\"}");
        control.post("/__fake/v1/time/advance", "{\"duration\":1}");
        http.get("/v1/runs?limit=2");

        JsonNode items = control.get("/__fake/v1/requests").json().get("items");

        assertThat(items).hasSize(2);
        JsonNode create = items.get(0);
        assertThat(create.get("sequence").asLong()).isEqualTo(1);
        assertThat(create.get("method").asText()).isEqualTo("POST");
        assertThat(create.get("path").asText()).isEqualTo(FLUX_RUNS);
        assertThat(create.get("query").asText()).isEmpty();
        assertThat(create.get("headers").get("authorization").get(0).asText()).isEqualTo("Bearer " + server.apiKey());
        assertThat(create.get("headers").get("content-type").get(0).asText()).isEqualTo("application/json");
        assertThat(create.get("body").asText()).contains("\"sku\":\"A-1\"");
        assertThat(create.get("json").get("metadata").get("sku").asText()).isEqualTo("A-1");
        assertThat(create.get("received_at").asText()).isEqualTo("2026-05-06T10:00:00Z");
        assertThat(items.get(1).get("query").asText()).isEqualTo("limit=2");
        assertThat(items.get(1).get("body").asText()).isEmpty();
        assertThat(items.get(1).get("json").isNull()).isTrue();
        assertThat(items.get(1).get("received_at").asText()).isEqualTo("2026-05-06T10:00:01Z");
        assertThat(server.requests()).hasSize(2);
        assertThat(id).isNotBlank();
    }

    @Test
    void controlRequestsTakeNoRequestId() {
        control.get("/__fake/v1/runs");
        Http.Answer controlAnswer = control.post("/__fake/v1/time/advance", "{\"duration\":0}");

        Http.Answer api = http.get("/v1/runs");

        assertThat(controlAnswer.header("Runflow-Request-Id")).isNull();
        assertThat(api.header("Runflow-Request-Id")).isEqualTo("req_1");
    }

    @Test
    void deliveriesShowEachCallbackWithItsAttempts() {
        try (Receiver receiver = new Receiver().answer(500)) {
            String id = http.createFlux(",\"callback_url\":\"" + receiver.url() + "\"");
            server.advance(Duration.ofSeconds(2));

            JsonNode items = control.get("/__fake/v1/deliveries").json().get("items");

            assertThat(items).hasSize(1);
            JsonNode d = items.get(0);
            assertThat(d.get("run_id").asText()).isEqualTo(id);
            assertThat(d.get("callback_url").asText()).isEqualTo(receiver.url());
            assertThat(d.get("status").asText()).isEqualTo("succeeded");
            assertThat(d.get("delivered").asBoolean()).isTrue();
            assertThat(d.get("automatic").asBoolean()).isTrue();
            assertThat(d.get("signature").asText())
                    .isEqualTo(receiver.received().get(0).header("Runflow-Signature"));
            assertThat(d.get("payload").asText())
                    .isEqualTo(new String(receiver.received().get(0).body(), java.nio.charset.StandardCharsets.UTF_8));
            assertThat(d.get("json").get("event").asText()).isEqualTo("run.completed");
            assertThat(d.get("attempts")).hasSize(2);
            assertThat(d.get("attempts").get(0).get("status_code").asInt()).isEqualTo(500);
            assertThat(d.get("attempts").get(0).get("succeeded").asBoolean()).isFalse();
            assertThat(d.get("attempts").get(1).get("number").asInt()).isEqualTo(2);
            assertThat(d.get("attempts").get(1).get("status_code").asInt()).isEqualTo(200);
            assertThat(d.get("attempts").get(1).get("error").isNull()).isTrue();
        }
    }

    @Test
    void deliveriesOfOneRun() {
        try (Receiver receiver = new Receiver()) {
            String id = http.createFlux(",\"callback_url\":\"" + receiver.url() + "\"");
            http.createFlux(",\"callback_url\":\"" + receiver.url() + "\"");
            server.advance(Duration.ofSeconds(1));

            JsonNode mine =
                    control.get("/__fake/v1/deliveries?run_id=" + id).json().get("items");
            JsonNode none =
                    control.get("/__fake/v1/deliveries?run_id=run_nope").json().get("items");

            assertThat(mine).hasSize(1);
            assertThat(mine.get(0).get("run_id").asText()).isEqualTo(id);
            assertThat(none).isEmpty();
        }
    }

    @Test
    void runsShowEveryRunAndOneById() {
        String id = http.createFlux(",\"client_ref\":\"order-7\"");
        control.post("/__fake/v1/time/advance", "{\"duration\":1}");

        JsonNode all = control.get("/__fake/v1/runs").json().get("items");
        JsonNode one = control.get("/__fake/v1/runs/" + id).json();

        assertThat(all).hasSize(1);
        assertThat(all.get(0)).isEqualTo(one);
        assertThat(one.get("id").asText()).isEqualTo(id);
        assertThat(one.get("model").asText()).isEqualTo("black-forest-labs/flux-1-1-pro-ultra");
        assertThat(one.get("status").asText()).isEqualTo("succeeded");
        assertThat(one.get("terminal").asBoolean()).isTrue();
        assertThat(one.get("input").get("prompt").asText()).isEqualTo("a serene japanese garden");
        assertThat(one.get("client_ref").asText()).isEqualTo("order-7");
        assertThat(one.get("metadata").isNull()).isTrue();
        assertThat(one.get("created_at").asText()).isEqualTo("2026-05-06T10:00:00Z");
        assertThat(one.get("completed_at").asText()).isEqualTo("2026-05-06T10:00:00.050000Z");
        assertThat(one.get("failure_code").isNull()).isTrue();
    }

    @Test
    void anUnknownRunIs404() {
        Http.Answer a = control.get("/__fake/v1/runs/run_nope");

        assertThat(a.status()).isEqualTo(404);
        assertThat(a.json().get("code").asText()).isEqualTo("RUN_NOT_FOUND");
    }

    @Test
    void callbackSecretsShowNoSecretValue() {
        JsonNode items = control.get("/__fake/v1/callback-secrets").json().get("items");

        assertThat(items).hasSize(1);
        assertThat(items.get(0).get("current").asBoolean()).isTrue();
        assertThat(items.get(0).get("key_prefix").asText())
                .isEqualTo(server.callbackSecrets().get(0).keyPrefix());
        assertThat(items.get(0).toString()).doesNotContain(server.webhookSecret());
    }

    @Test
    void serverTellsWhereTheApiIsAndItsKeyAndSecret() {
        JsonNode info = control.get("/__fake/v1/server").json();

        assertThat(info.get("base_url").asText()).isEqualTo(server.baseUrl());
        assertThat(info.get("api_key").asText()).isEqualTo(server.apiKey());
        assertThat(info.get("webhook_secret").asText()).isEqualTo(server.webhookSecret());
        assertThat(info.get("control_url").asText()).isEqualTo(server.baseUrl() + "/__fake/v1");
        assertThat(info.get("now").asText()).isEqualTo("2026-05-06T10:00:00Z");
    }

    // the plumbing

    @Test
    void aBodyThatIsNotAJsonObjectIs400() {
        assertThat(control.post("/__fake/v1/faults", "{\"kind\":").text())
                .isEqualTo("{\"code\":\"BAD_REQUEST\",\"message\":\"request body is not valid JSON\",\"errors\":null}");
        assertThat(control.post("/__fake/v1/faults", "[]").text())
                .isEqualTo("{\"code\":\"BAD_REQUEST\",\"message\":\"request body must be a JSON object\","
                        + "\"errors\":null}");
        assertThat(control.post("/__fake/v1/faults", "").status()).isEqualTo(400);
    }

    @Test
    void anUnknownControlPathIs404AndAnotherMethod405() {
        Http.Answer unknown = control.get("/__fake/v2/runs");
        Http.Answer wrongMethod = control.get("/__fake/v1/reset");

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("message").asText()).isEqualTo("no such endpoint: GET /__fake/v2/runs");
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.header("Allow")).isEqualTo("POST");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void anOversizedControlBodyIs413() {
        Http.Answer a = control.post("/__fake/v1/faults", "{\"body\":\"" + "x".repeat(1024 * 1024) + "\"}");

        assertThat(a.status()).isEqualTo(413);
        assertThat(a.json().get("code").asText()).isEqualTo("PAYLOAD_TOO_LARGE");
    }

    @Test
    void controlRequestsIgnoreIdempotencyKeys() {
        control.post("/__fake/v1/time/advance", "{\"duration\":1}", "Idempotency-Key", "k");
        Http.Answer again = control.post("/__fake/v1/time/advance", "{\"duration\":1}", "Idempotency-Key", "k");

        assertThat(again.json().get("now").asText()).isEqualTo("2026-05-06T10:00:02Z");
    }
}
