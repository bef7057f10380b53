package io.runflow.feign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import feign.FeignException;
import io.runflow.RetryPolicy;
import io.runflow.catalog.FluxProUltra;
import io.runflow.errors.AuthenticationException;
import io.runflow.errors.BadRequestException;
import io.runflow.errors.ConflictException;
import io.runflow.errors.InsufficientCreditException;
import io.runflow.errors.NotFoundException;
import io.runflow.errors.PermissionDeniedException;
import io.runflow.errors.RateLimitException;
import io.runflow.errors.RunflowApiException;
import io.runflow.errors.RunflowDecodingException;
import io.runflow.errors.RunflowException;
import io.runflow.errors.RunflowIoException;
import io.runflow.errors.ServerException;
import io.runflow.errors.UnprocessableEntityException;
import io.runflow.model.FieldError;
import io.runflow.model.RunRequest;
import io.runflow.testkit.FakeRunflowServer;
import io.runflow.testkit.Fault;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RunflowFeignErrorsTest {

    static final FakeRunflowServer server =
            FakeRunflowServer.builder().deterministic().build();
    static final RunflowFeign api = RunflowFeign.create(FeignTests.options(
            server.baseUrl(),
            server.apiKey(),
            null,
            RetryPolicy.none(),
            // Long enough that a loaded machine's ordinary answer never trips it; the timeout test has
            // its own impatient client.
            Duration.ofSeconds(5),
            new FeignTests.RecordingSleeper()));

    @AfterEach
    void reset() {
        server.reset();
    }

    @AfterAll
    static void stop() {
        api.close();
        server.close();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "400, BadRequestException, BAD_REQUEST",
        "401, AuthenticationException, UNAUTHORIZED",
        "402, InsufficientCreditException, INSUFFICIENT_CREDIT",
        "403, PermissionDeniedException, PERMISSION_DENIED",
        "404, NotFoundException, RUN_NOT_FOUND",
        "409, ConflictException, CONFLICT",
        "422, UnprocessableEntityException, VALIDATION_ERROR",
        "429, RateLimitException, RATE_LIMITED",
        "500, ServerException, INTERNAL_ERROR",
        "502, ServerException, BAD_GATEWAY",
        "503, ServerException, SERVICE_UNAVAILABLE",
    })
    void everyDocumentedStatusBecomesItsException(int status, String type, String code) {
        server.inject(Fault.status(status)
                .body("{\"code\":\"" + code + "\",\"message\":\"the server says no\","
                        + "\"errors\":[{\"field\":\"input.prompt\",\"message\":\"is required\"}]}")
                .header("Runflow-Request-Id", "req-" + status));

        RunflowApiException e = catchThrowableOfType(RunflowApiException.class, () -> api.getRun("run-1"));

        assertThat(e.getClass().getSimpleName()).isEqualTo(type);
        assertThat(e.status()).isEqualTo(status);
        assertThat(e.code()).isEqualTo(code);
        assertThat(e.error().message()).isEqualTo("the server says no");
        assertThat(e.errors())
                .extracting(FieldError::field, FieldError::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("input.prompt", "is required"));
        assertThat(e.requestId()).contains("req-" + status);
        // A 403 names the scope the endpoint most likely needs, which Runflow's answer does not.
        String hint =
                status == 403 ? " (the API key likely lacks the scope runs:read that GET /v1/runs/{id} needs)" : "";
        assertThat(e.getMessage())
                .isEqualTo(status + " " + code + ": the server says no [input.prompt: is required]" + hint
                        + " (request-id: req-" + status + ")");
        assertThat(e).hasNoCause();
    }

    @Test
    void exceptionClassesMatchTheStatusTable() {
        Map<Integer, Class<? extends RunflowApiException>> table = Map.of(
                400, BadRequestException.class,
                401, AuthenticationException.class,
                402, InsufficientCreditException.class,
                403, PermissionDeniedException.class,
                404, NotFoundException.class,
                409, ConflictException.class,
                422, UnprocessableEntityException.class,
                429, RateLimitException.class,
                503, ServerException.class);
        table.forEach((status, type) -> {
            server.inject(Fault.status(status));
            assertThat(catchThrowableOfType(RunflowException.class, api::health))
                    .isExactlyInstanceOf(type);
        });
    }

    @Test
    void wrongApiKeyIsAnAuthenticationException() {
        try (RunflowFeign client = RunflowFeign.create(
                FeignTests.options(server, "rf_live_wrong_key", null, new FeignTests.RecordingSleeper()))) {
            AuthenticationException e =
                    catchThrowableOfType(AuthenticationException.class, () -> client.getRun("run-1"));

            assertThat(e.status()).isEqualTo(401);
            assertThat(e.code()).isEqualTo("UNAUTHORIZED");
            assertThat(e.getMessage()).doesNotContain("rf_live_wrong_key");
        }
    }

    @Test
    void unknownRunIsRunNotFound() {
        NotFoundException e = catchThrowableOfType(NotFoundException.class, () -> api.getRun("no-such-run"));

        assertThat(e.code()).isEqualTo("RUN_NOT_FOUND");
        assertThat(e.getMessage()).startsWith("404 RUN_NOT_FOUND: ");
        assertThat(e.requestId())
                .hasValueSatisfying(id -> assertThat(e.getMessage()).endsWith(" (request-id: " + id + ")"));
    }

    @Test
    void missingPromptIsAValidationErrorNamingTheField() {
        UnprocessableEntityException e = catchThrowableOfType(
                UnprocessableEntityException.class,
                () -> api.createRun(
                        RunRequest.of(FluxProUltra.MODEL, Map.of("seed", 1)).withIdempotencyKey("k")));

        assertThat(e.status()).isEqualTo(422);
        assertThat(e.errors()).isNotEmpty();
        assertThat(e.errors().get(0).field()).contains("prompt");
        assertThat(server.runs()).isEmpty();
    }

    @Test
    void sameIdempotencyKeyWithAnotherBodyIsAConflict() {
        api.createRun(FluxProUltra.input("first").toRequest().withIdempotencyKey("same"));

        ConflictException e = catchThrowableOfType(
                ConflictException.class,
                () -> api.createRun(FluxProUltra.input("second").toRequest().withIdempotencyKey("same")));

        assertThat(e.code()).isEqualTo("CONFLICT");
        assertThat(server.runs()).hasSize(1);
    }

    @Test
    void errorBodyThatIsNotTheEnvelopeIsQuoted() {
        server.inject(Fault.status(502).body("<html><body>Bad gateway</body></html>"));

        ServerException e = catchThrowableOfType(ServerException.class, () -> api.getRun("run-1"));

        assertThat(e.code()).isNull();
        assertThat(e.getMessage())
                .matches("502: response was not Runflow's error envelope: Bad gateway \\(request-id: [^)]+\\)");
    }

    @Test
    void malformedJsonIsADecodingExceptionNamingTheEndpoint() {
        server.inject(Fault.status(200).body("{\"id\": \"run-1\", \"status_code\": "));

        RunflowDecodingException e = catchThrowableOfType(RunflowDecodingException.class, () -> api.getRun("run-1"));

        assertThat(e.getMessage()).startsWith("GET /v1/runs/{id}: cannot read Run: ");
        assertThat(e).hasCauseInstanceOf(com.fasterxml.jackson.core.JsonProcessingException.class);
    }

    @Test
    void runWithoutIdIsADecodingExceptionNamingTheEndpoint() {
        server.inject(Fault.status(200).body("{\"status_code\":\"queued\"}"));

        RunflowDecodingException e = catchThrowableOfType(RunflowDecodingException.class, () -> api.getRun("run-1"));

        assertThat(e.getMessage())
                .startsWith("GET /v1/runs/{id}: cannot read Run: ")
                .contains("id");
    }

    @Test
    void pageWithoutItemsIsADecodingException() {
        server.inject(Fault.status(200).body("{\"next\":null}"));

        RunflowDecodingException e = catchThrowableOfType(
                RunflowDecodingException.class, () -> api.listRuns(io.runflow.model.ListQuery.all()));

        assertThat(e.getMessage()).startsWith("GET /v1/runs: cannot read Page: ");
    }

    @Test
    void emptyBodyWhereAValueIsExpectedIsADecodingException() {
        server.inject(Fault.status(200).body(""));

        RunflowDecodingException e = catchThrowableOfType(RunflowDecodingException.class, () -> api.getRun("run-1"));

        assertThat(e.getMessage()).isEqualTo("GET /v1/runs/{id}: empty response body (HTTP 200), expected Run");
    }

    @Test
    void nullBodyIsADecodingException() {
        server.inject(Fault.status(200).body("null"));

        RunflowDecodingException e = catchThrowableOfType(RunflowDecodingException.class, api::health);

        assertThat(e.getMessage()).isEqualTo("GET /v1/health: response body was null, expected Health");
    }

    @Test
    void droppedConnectionIsAnIoExceptionNamingOnlyTheEndpoint() {
        // A POST: the JDK client silently retries a GET whose pooled connection was closed.
        server.inject(Fault.connectionReset());

        RunflowIoException e = catchThrowableOfType(
                RunflowIoException.class,
                () -> api.createRun(FluxProUltra.input("x").toRequest().withIdempotencyKey("k")));

        // The path as sent (ids are no secret, and say which call failed); never the host or the key.
        assertThat(e.getMessage())
                .startsWith("POST /v1/models/black-forest-labs/flux-1-1-pro-ultra/runs: ")
                .doesNotContain("127.0.0.1", server.apiKey());
        assertThat(e).hasCauseInstanceOf(java.io.IOException.class);
        assertThat(e.getCause()).isNotInstanceOf(FeignException.class);
        assertThat(server.runs()).isEmpty();
    }

    @Test
    void readTimeoutIsAnIoException() {
        server.inject(Fault.delay(Duration.ofSeconds(2)));

        RunflowIoException e;
        try (RunflowFeign impatient = RunflowFeign.create(FeignTests.options(
                server.baseUrl(),
                server.apiKey(),
                null,
                RetryPolicy.none(),
                Duration.ofMillis(300),
                new FeignTests.RecordingSleeper()))) {
            e = catchThrowableOfType(RunflowIoException.class, impatient::health);
        }

        assertThat(e).hasMessage("GET /v1/health: timed out");
    }

    @Test
    void refusedConnectionIsAnIoException() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        try (RunflowFeign client = RunflowFeign.create(FeignTests.options(
                "http://127.0.0.1:" + closedPort,
                "rf_live_secret_key",
                null,
                RetryPolicy.none(),
                Duration.ofSeconds(1),
                new FeignTests.RecordingSleeper()))) {
            RunflowIoException e = catchThrowableOfType(
                    RunflowIoException.class,
                    () -> client.listRuns(
                            io.runflow.model.ListQuery.builder().clientRef("c").build()));

            assertThat(e).hasMessage("GET /v1/runs: connection refused");
            assertThat(e.getMessage()).doesNotContain("rf_live_secret_key", "client_ref");
        }
    }
}
