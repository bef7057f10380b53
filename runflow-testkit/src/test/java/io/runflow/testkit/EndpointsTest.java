package io.runflow.testkit;

import static io.runflow.testkit.Http.FLUX_RUNS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class EndpointsTest extends DeterministicServerTest {

    @Test
    void healthAnswersOkWithoutAKey() {
        Http.Answer a = http.withKey(null).get("/v1/health");

        assertThat(a.status()).isEqualTo(200);
        assertThat(a.text()).isEqualTo("{\"ok\":true}");
        assertThat(a.header("Content-Type")).isEqualTo("application/json");
    }

    @Test
    void missingKeyIsUnauthorizedInTheEnvelope() {
        Http.Answer a = http.withKey(null).get("/v1/runs");

        assertThat(a.status()).isEqualTo(401);
        assertThat(a.text())
                .isEqualTo("{\"code\":\"UNAUTHORIZED\",\"message\":\"missing or invalid API key\",\"errors\":null}");
    }

    @Test
    void everyAnswerCarriesARequestId() {
        http.get("/v1/health");

        assertThat(http.get("/v1/runs/nope").header("Runflow-Request-Id")).isEqualTo("req_2");
    }

    @Test
    void wrongKeyIsUnauthorizedAndNotEchoed() {
        Http.Answer a = http.withKey("rf_live_wrong").get("/v1/runs");

        assertThat(a.status()).isEqualTo(401);
        assertThat(a.text()).doesNotContain("rf_live_wrong").doesNotContain(server.apiKey());
    }

    @Test
    void unknownPathIsNotFoundInTheEnvelope() {
        Http.Answer a = http.get("/v1/nothing-here");

        assertThat(a.status()).isEqualTo(404);
        assertThat(a.json().get("code").asText()).isEqualTo("NOT_FOUND");
        assertThat(a.json().get("message").asText()).isEqualTo("no such endpoint: GET /v1/nothing-here");
    }

    @Test
    void wrongMethodIsMethodNotAllowedWithAllow() {
        Http.Answer a = http.method("DELETE", "/v1/runs", "");

        assertThat(a.status()).isEqualTo(405);
        assertThat(a.header("Allow")).isEqualTo("GET");
        assertThat(a.json().get("code").asText()).isEqualTo("METHOD_NOT_ALLOWED");
        assertThat(a.json().get("message").asText())
                .isEqualTo("method DELETE is not allowed on /v1/runs; allowed: GET");
    }

    @Test
    void createAnswers201WithAQueuedRun() {
        Http.Answer a = http.post(
                FLUX_RUNS,
                "{\"input\":{\"prompt\":\"a garden\"},\"metadata\":{\"order_id\":\"A-1\"},\"client_ref\":\"order-A-1\","
                        + "\"callback_url\":\"http://127.0.0.1:9/hook\"}");

        assertThat(a.status()).isEqualTo(201);
        JsonNode run = a.json();
        assertThat(run.get("id").asText()).isEqualTo("00000000-0000-7000-8000-000000000002");
        assertThat(run.get("status_code").asText()).isEqualTo("queued");
        assertThat(run.get("input").toString()).isEqualTo("{\"prompt\":\"a garden\"}");
        assertThat(run.get("metadata").toString()).isEqualTo("{\"order_id\":\"A-1\"}");
        assertThat(run.get("client_ref").asText()).isEqualTo("order-A-1");
        assertThat(run.get("callback_url").asText()).isEqualTo("http://127.0.0.1:9/hook");
        assertThat(run.get("created_at").asText()).isEqualTo("2026-05-06T10:00:00Z");
        assertThat(run.get("output").isNull()).isTrue();
        assertThat(run.get("completed_at").isNull()).isTrue();
        assertThat(run.get("target_type").asText()).isEqualTo("model");
    }

    @Test
    void createAcceptsModelIdsWithMoreThanTwoSegments() {
        Http.Answer a = http.post(
                "/v1/models/black-forest-labs/flux-pro/kontext/runs",
                "{\"input\":{\"prompt\":\"x\",\"image_url\":\"https://example.com/a.jpg\"}}");

        assertThat(a.status()).isEqualTo(201);
        assertThat(server.runs().get(0).model()).isEqualTo("black-forest-labs/flux-pro/kontext");
    }

    @Test
    void getReturnsTheRun() {
        String id = http.createFlux("");

        Http.Answer a = http.get("/v1/runs/" + id);

        assertThat(a.status()).isEqualTo(200);
        assertThat(a.json().get("id").asText()).isEqualTo(id);
        assertThat(a.json().get("status_code").asText()).isEqualTo("queued");
    }

    @Test
    void unknownRunIsRunNotFound() {
        Http.Answer a = http.get("/v1/runs/nope");

        assertThat(a.status()).isEqualTo(404);
        assertThat(a.text())
                .isEqualTo(
                        "{\"code\":\"RUN_NOT_FOUND\",\"message\":\"run nope does not exist or belongs to another org\","
                                + "\"errors\":null}");
    }

    @Test
    void unknownModelIsNotFound() {
        Http.Answer a = http.post("/v1/models/acme/nothing/runs", "{\"input\":{}}");

        assertThat(a.status()).isEqualTo(404);
        assertThat(a.json().get("code").asText()).isEqualTo("MODEL_NOT_FOUND");
        assertThat(a.json().get("message").asText()).isEqualTo("model acme/nothing not found");
    }

    @Test
    void malformedJsonIsBadRequest() {
        Http.Answer a = http.post(FLUX_RUNS, "{\"input\":");

        assertThat(a.status()).isEqualTo(400);
        assertThat(a.text())
                .isEqualTo("{\"code\":\"BAD_REQUEST\",\"message\":\"request body is not valid JSON\",\"errors\":null}");
    }

    @Test
    void nonObjectBodyIsBadRequest() {
        Http.Answer a = http.post(FLUX_RUNS, "[1]");

        assertThat(a.status()).isEqualTo(400);
        assertThat(a.json().get("message").asText()).isEqualTo("request body must be a JSON object");
    }

    @Test
    void missingInputIsUnprocessableNamingTheField() {
        Http.Answer a = http.post(FLUX_RUNS, "{}");

        assertThat(a.status()).isEqualTo(422);
        assertThat(a.text())
                .isEqualTo("{\"code\":\"VALIDATION_ERROR\",\"message\":\"request validation failed\","
                        + "\"errors\":[{\"field\":\"input\",\"message\":\"is required\"}]}");
    }

    @Test
    void nonObjectInputIsUnprocessable() {
        Http.Answer a = http.post(FLUX_RUNS, "{\"input\":\"a garden\"}");

        assertThat(a.status()).isEqualTo(422);
        assertThat(a.json().get("errors").toString())
                .isEqualTo("[{\"field\":\"input\",\"message\":\"must be an object\"}]");
    }

    @Test
    void fluxInputWithoutPromptIsUnprocessableNamingInputPrompt() {
        Http.Answer a = http.post(FLUX_RUNS, "{\"input\":{\"seed\":42}}");

        assertThat(a.status()).isEqualTo(422);
        assertThat(a.json().get("errors").toString())
                .isEqualTo("[{\"field\":\"input.prompt\",\"message\":\"is required\"}]");
    }

    @Test
    void badCallbackUrlAndSeedAreReportedTogether() {
        Http.Answer a =
                http.post(FLUX_RUNS, "{\"input\":{\"prompt\":\"x\",\"seed\":\"x\"},\"callback_url\":\"ftp://host/x\"}");

        assertThat(a.status()).isEqualTo(422);
        assertThat(a.json().get("errors").toString())
                .isEqualTo("[{\"field\":\"input.seed\",\"message\":\"must be a non-negative integer\"},"
                        + "{\"field\":\"callback_url\",\"message\":\"must be an absolute http or https URL\"}]");
    }

    @Test
    void bodyOverTheLimitIsPayloadTooLarge() {
        try (FakeRunflowServer small =
                FakeRunflowServer.builder().maxRequestBodySize(64).build()) {
            Http.Answer a = new Http(small).post(FLUX_RUNS, "{\"input\":{\"prompt\":\"" + "x".repeat(100) + "\"}}");

            assertThat(a.status()).isEqualTo(413);
            assertThat(a.json().get("code").asText()).isEqualTo("PAYLOAD_TOO_LARGE");
            assertThat(a.json().get("message").asText()).isEqualTo("request body is larger than 64 bytes");
            assertThat(small.runs()).isEmpty();
        }
    }

    @Test
    void modelsAreListedInThePagingEnvelope() {
        Http.Answer a = http.get("/v1/models");

        assertThat(a.status()).isEqualTo(200);
        assertThat(a.json().get("items")).hasSize(3);
        assertThat(a.json().get("items").get(0).get("slug").asText()).isEqualTo("flux-1-1-pro-ultra");
        assertThat(a.json().has("next")).isTrue();
    }

    @Test
    void oneModelIsReadByItsPath() {
        Http.Answer a = http.get("/v1/models/black-forest-labs/flux-1-1-pro-ultra");

        assertThat(a.status()).isEqualTo(200);
        assertThat(a.json().get("name").asText()).isEqualTo("FLUX 1.1 [pro] Ultra");
        assertThat(a.json().get("inputs").get(0).get("name").asText()).isEqualTo("prompt");
    }

    @Test
    void publicModelsNeedNoKey() {
        Http.Answer a = http.withKey(null).get("/v1/public/models");

        assertThat(a.status()).isEqualTo(200);
        assertThat(a.json().get("items")).hasSize(3);
    }

    @Test
    void runsPathWithGetIsMethodNotAllowed() {
        Http.Answer a = http.get(FLUX_RUNS);

        assertThat(a.status()).isEqualTo(405);
        assertThat(a.header("Allow")).isEqualTo("POST");
    }
}
