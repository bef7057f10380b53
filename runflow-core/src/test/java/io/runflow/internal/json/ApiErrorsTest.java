package io.runflow.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.runflow.errors.AuthenticationException;
import io.runflow.errors.BadRequestException;
import io.runflow.errors.ConflictException;
import io.runflow.errors.InsufficientCreditException;
import io.runflow.errors.NotFoundException;
import io.runflow.errors.PermissionDeniedException;
import io.runflow.errors.RateLimitException;
import io.runflow.errors.RunflowApiException;
import io.runflow.errors.ServerException;
import io.runflow.errors.UnprocessableEntityException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApiErrorsTest {

    @ParameterizedTest
    @CsvSource({
        "400, BAD_REQUEST, io.runflow.errors.BadRequestException",
        "401, UNAUTHORIZED, io.runflow.errors.AuthenticationException",
        "402, INSUFFICIENT_CREDIT, io.runflow.errors.InsufficientCreditException",
        "403, PERMISSION_DENIED, io.runflow.errors.PermissionDeniedException",
        "404, RUN_NOT_FOUND, io.runflow.errors.NotFoundException",
        "409, CONFLICT, io.runflow.errors.ConflictException",
        "422, VALIDATION_ERROR, io.runflow.errors.UnprocessableEntityException",
        "429, RATE_LIMITED, io.runflow.errors.RateLimitException",
        "500, INTERNAL, io.runflow.errors.ServerException",
        "503, MODEL_UNAVAILABLE, io.runflow.errors.ServerException",
        "405, METHOD_NOT_ALLOWED, io.runflow.errors.RunflowApiException",
        "413, PAYLOAD_TOO_LARGE, io.runflow.errors.RunflowApiException"
    })
    void mapsEachStatusToItsException(int status, String code, String type) throws Exception {
        RunflowApiException e = ApiErrors.toException(
                status,
                Map.of("Runflow-Request-Id", List.of("req-9")),
                ("{\"code\":\"" + code + "\",\"message\":\"it went wrong\",\"errors\":null}")
                        .getBytes(StandardCharsets.UTF_8));

        assertThat(e).isExactlyInstanceOf(Class.forName(type));
        assertThat(e.status()).isEqualTo(status);
        assertThat(e.code()).isEqualTo(code);
        assertThat(e.requestId()).contains("req-9");
        assertThat(e).hasMessage(status + " " + code + ": it went wrong (request-id: req-9)");
    }

    @Test
    void the401MessageReadsAsTheStyleGuideSays() {
        RunflowApiException e = ApiErrors.toException(
                401,
                Map.of(),
                "{\"code\":\"UNAUTHORIZED\",\"message\":\"Invalid API key\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(e).isInstanceOf(AuthenticationException.class).hasMessage("401 UNAUTHORIZED: Invalid API key");
        assertThat(e.requestId()).isEmpty();
    }

    @Test
    void fieldErrorsOfA422AreKeptAndShown() {
        RunflowApiException e = ApiErrors.toException(422, Map.of(), Fixtures.bytes("error-422.json"));

        assertThat(e).isInstanceOf(UnprocessableEntityException.class);
        assertThat(e.errors()).hasSize(2);
        assertThat(e)
                .hasMessage("422 VALIDATION_ERROR: Input validation failed"
                        + " [input.prompt: is required, body.callback_url: invalid url]");
    }

    @Test
    void anHtmlBodyFromAProxyStillGivesATypedExceptionWithAUsefulMessage() {
        byte[] html = "<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>"
                .getBytes(StandardCharsets.UTF_8);

        RunflowApiException e = ApiErrors.toException(502, Map.of("x-request-id", List.of("edge-1")), html);

        assertThat(e).isInstanceOf(ServerException.class);
        assertThat(e.code()).isNull();
        assertThat(e)
                .hasMessage("502: response was not Runflow's error envelope: 502 Bad Gateway 502 Bad Gateway"
                        + " (request-id: edge-1)");
    }

    @Test
    void anEmptyBodyStillGivesATypedException() {
        RunflowApiException e = ApiErrors.toException(404, Map.of(), new byte[0]);

        assertThat(e).isInstanceOf(NotFoundException.class).hasMessage("404: empty response body");
    }

    @Test
    void aLongNonEnvelopeBodyIsCut() {
        byte[] body = "x".repeat(1000).getBytes(StandardCharsets.UTF_8);

        RunflowApiException e = ApiErrors.toException(500, Map.of(), body);

        assertThat(e.getMessage()).hasSize("500: response was not Runflow's error envelope: ".length() + 203);
    }

    @Test
    void readsTheNestedErrorFormTheJsSdkExpects() {
        RunflowApiException e = ApiErrors.toException(
                403,
                Map.of(),
                "{\"error\":{\"code\":\"EMAIL_NOT_VERIFIED\",\"message\":\"verify\"}}"
                        .getBytes(StandardCharsets.UTF_8));

        assertThat(e).isInstanceOf(PermissionDeniedException.class);
        assertThat(e.code()).isEqualTo("EMAIL_NOT_VERIFIED");
    }

    @Test
    void aRetryAfterInSecondsIsKeptOnA429AndAnHttpDateIsIgnored() {
        byte[] body = "{\"code\":\"RATE_LIMITED\",\"message\":\"Rate limit exceeded: 10/s\"}"
                .getBytes(StandardCharsets.UTF_8);

        RateLimitException seconds =
                (RateLimitException) ApiErrors.toException(429, Map.of("retry-after", List.of("7")), body);
        RateLimitException date = (RateLimitException)
                ApiErrors.toException(429, Map.of("Retry-After", List.of("Wed, 21 Oct 2026 07:28:00 GMT")), body);
        RateLimitException none = (RateLimitException) ApiErrors.toException(429, Map.of(), body);

        assertThat(seconds.retryAfter()).contains(Duration.ofSeconds(7));
        assertThat(date.retryAfter()).isEmpty();
        assertThat(none.retryAfter()).isEmpty();
    }

    @Test
    void subclassesAreWhereCallersBranch() {
        assertThat(ApiErrors.toException(400, Map.of(), null)).isInstanceOf(BadRequestException.class);
        assertThat(ApiErrors.toException(402, Map.of(), null)).isInstanceOf(InsufficientCreditException.class);
        assertThat(ApiErrors.toException(409, Map.of(), null)).isInstanceOf(ConflictException.class);
        assertThat(ApiErrors.toException(599, Map.of(), null)).isInstanceOf(ServerException.class);
        assertThat(ApiErrors.toException(600, Map.of(), null)).isExactlyInstanceOf(RunflowApiException.class);
    }
}
