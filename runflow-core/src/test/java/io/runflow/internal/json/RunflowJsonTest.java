package io.runflow.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.runflow.model.ApiError;
import io.runflow.model.CallbackDelivery;
import io.runflow.model.CallbackSecret;
import io.runflow.model.FieldError;
import io.runflow.model.Health;
import io.runflow.model.Model;
import io.runflow.model.OutputFile;
import io.runflow.model.Page;
import io.runflow.model.Run;
import io.runflow.model.RunRequest;
import io.runflow.model.RunStatus;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RunflowJsonTest {

    private final ObjectMapper mapper = RunflowJson.mapper();

    @Test
    void readsAQueuedRunAndKeepsUnknownFieldsReachable() throws Exception {
        Run run = mapper.readValue(Fixtures.bytes("run-queued.json"), Run.class);

        assertThat(run.id()).isEqualTo("0190f3a2-7c1e-7b3a-9d2e-5f4c3b2a1908");
        assertThat(run.status()).isEqualTo(RunStatus.QUEUED);
        assertThat(run.statusCode()).isEqualTo("queued");
        assertThat(run.modelId()).isEqualTo("1f0c6b1e-2b7c-4a77-9a51-0d3f6c9e2b11");
        assertThat(run.input().path("prompt").asString().orElseThrow()).startsWith("a serene japanese garden");
        assertThat(run.output()).isNull();
        assertThat(run.cost()).isNull();
        assertThat(run.clientRef()).isEqualTo("order-A-1001");
        assertThat(run.callbackUrl()).isEqualTo("https://example.com/hooks/runflow");
        assertThat(run.metadata().path("order_id").asString().orElseThrow()).isEqualTo("A-1001");
        assertThat(run.createdAt()).isEqualTo(OffsetDateTime.of(2026, 5, 6, 10, 0, 0, 0, ZoneOffset.UTC));
        assertThat(run.startedAt()).isNull();
        assertThat(run.failure()).isNull();
        assertThat(run.raw()
                        .path("a_field_from_the_future")
                        .path("nested")
                        .path(2)
                        .asNumber()
                        .orElseThrow()
                        .intValue())
                .isEqualTo(3);
        assertThat(run.raw().path("nodes_total").asNumber().orElseThrow().intValue())
                .isEqualTo(1);
    }

    @Test
    void readsASucceededRunWithOutputsCostAndPlusZeroOffsets() throws Exception {
        Run run = mapper.readValue(Fixtures.bytes("run-succeeded.json"), Run.class);

        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(run.cost()).isEqualByComparingTo(new BigDecimal("0.06"));
        assertThat(run.cost().toPlainString()).isEqualTo("0.060000");
        assertThat(run.duration()).isEqualTo(Duration.ofMillis(10234));
        assertThat(run.requestId()).isEqualTo("req_123");
        assertThat(run.createdAt()).isEqualTo(OffsetDateTime.of(2026, 5, 6, 10, 0, 0, 123_456_000, ZoneOffset.UTC));
        assertThat(run.startedAt().getNano()).isEqualTo(500_000_000);
        assertThat(run.completedAt().getNano()).isEqualTo(357_891_234);
        assertThat(run.output().outputs())
                .containsExactly(new OutputFile(
                        "https://cdn.runflow.io/o/abc.jpg?sig=s3cr3t",
                        "image",
                        2752,
                        1536,
                        "image/jpeg",
                        run.output().outputs().get(0).raw()));
        assertThat(run.output().seed()).isEqualTo(42L);
        assertThat(run.output().nsfwDetected()).isFalse();
        assertThat(run.output().inferenceTime()).contains(Duration.ofMillis(9876));
    }

    @Test
    void readsTheOlderImageUrlsOutputShapeAsImageEntries() throws Exception {
        Run run = mapper.readValue(Fixtures.bytes("run-succeeded-image-urls.json"), Run.class);

        assertThat(run.output().outputs())
                .extracting(OutputFile::url, OutputFile::type)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("https://cdn.runflow.io/o/1.jpg", "image"),
                        org.assertj.core.groups.Tuple.tuple("https://cdn.runflow.io/o/2.jpg", "image"));
        assertThat(run.output().seed()).isNull();
        assertThat(run.output().inferenceTime()).isEmpty();
        assertThat(run.createdAt().getOffset()).isEqualTo(ZoneOffset.UTC);
    }

    @Test
    void readsTheCancelledSpellingAsCanceledAndKeepsTheRawCode() throws Exception {
        Run run = mapper.readValue(Fixtures.bytes("run-cancelled.json"), Run.class);

        assertThat(run.status()).isEqualTo(RunStatus.CANCELED);
        assertThat(run.statusCode()).isEqualTo("cancelled");
        assertThat(run.createdAt()).isEqualTo(OffsetDateTime.of(2026, 5, 6, 10, 0, 0, 0, ZoneOffset.UTC));
    }

    @Test
    void readsFailureFieldsUnderBothTheirNames() throws Exception {
        Run older = mapper.readValue(Fixtures.bytes("run-failed-older-names.json"), Run.class);
        Run newer = mapper.readValue(Fixtures.bytes("run-failed.json"), Run.class);

        assertThat(older.status()).isEqualTo(RunStatus.FAILED);
        assertThat(older.failure().describe())
                .isEqualTo("INPUT_VALIDATION_FAILED at preprocess: image dimensions exceed 4096x4096");
        assertThat(newer.failure().stage()).isEqualTo("dispatch");
        assertThat(newer.cost()).isEqualByComparingTo(BigDecimal.ZERO);
    }

    @ParameterizedTest
    @CsvSource({
        "2026-05-06T10:00:00Z, 0",
        "2026-05-06T10:00:00+00:00, 0",
        "2026-05-06T10:00:00.1+00:00, 100000000",
        "2026-05-06T10:00:00.123Z, 123000000",
        "2026-05-06T10:00:00.123456+00:00, 123456000",
        "2026-05-06T10:00:00.123456789+00:00, 123456789",
        "2026-05-06T12:00:00.5+02:00, 500000000"
    })
    void readsTimestampsWithZOrOffsetAndZeroToNineFractionDigits(String text, int nanos) {
        OffsetDateTime parsed = JsonFields.parseTimestamp(text);

        assertThat(parsed.toInstant())
                .isEqualTo(java.time.Instant.parse("2026-05-06T10:00:00Z").plusNanos(nanos));
    }

    @Test
    void anUnreadableTimestampReadsAsNullAndStaysInRaw() throws Exception {
        Run run = mapper.readValue("{\"id\":\"r\",\"status_code\":\"queued\",\"created_at\":\"yesterday\"}", Run.class);

        assertThat(run.createdAt()).isNull();
        assertThat(run.raw().path("created_at").asString().orElseThrow()).isEqualTo("yesterday");
    }

    @Test
    void aRunWithoutAnIdIsADecodingErrorNamingTheProblem() {
        assertThatThrownBy(() -> mapper.readValue("{\"status_code\":\"queued\"}", Run.class))
                .isInstanceOf(JsonMappingException.class)
                .hasMessageStartingWith("cannot read Run: run has no \"id\"");
    }

    @Test
    void readsPagesWithEitherCursorNames() throws Exception {
        Page<Run> page = mapper.readValue(Fixtures.bytes("page-runs.json"), new TypeReference<Page<Run>>() {});
        Page<Run> older = mapper.readValue(Fixtures.bytes("page-runs-pq.json"), new TypeReference<Page<Run>>() {});

        assertThat(page.items()).extracting(Run::id).containsExactly("r1", "r2");
        assertThat(page.items().get(1).status()).isEqualTo(RunStatus.RUNNING);
        assertThat(page.first()).isEqualTo("c0");
        assertThat(page.next()).isEqualTo("c2");
        assertThat(page.previous()).isNull();
        assertThat(page.hasNext()).isTrue();
        assertThat(older.next()).isEqualTo("c3");
        assertThat(older.previous()).isEqualTo("c1");
    }

    @Test
    void readsTheErrorEnvelopeWithFieldErrorsInEitherShape() throws Exception {
        ApiError error = mapper.readValue(Fixtures.bytes("error-422.json"), ApiError.class);

        assertThat(error.code()).isEqualTo("VALIDATION_ERROR");
        assertThat(error.message()).isEqualTo("Input validation failed");
        assertThat(error.errors())
                .extracting(FieldError::field, FieldError::message)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("input.prompt", "is required"),
                        org.assertj.core.groups.Tuple.tuple("body.callback_url", "invalid url"));
    }

    @Test
    void readsCallbackDeliveriesWithTheirAttempts() throws Exception {
        List<CallbackDelivery> deliveries = mapper.readValue(
                Fixtures.bytes("callback-deliveries.json"), new TypeReference<List<CallbackDelivery>>() {});

        CallbackDelivery delivery = deliveries.get(0);
        assertThat(delivery.runId()).isEqualTo("r1");
        assertThat(delivery.automatic()).isTrue();
        assertThat(delivery.attemptCount()).isEqualTo(2);
        assertThat(delivery.maxAttempts()).isEqualTo(3);
        assertThat(delivery.payloadBytes()).isEqualTo("{\"event\":\"run.completed\"}");
        assertThat(delivery.attempts())
                .extracting(a -> a.attemptNumber(), a -> a.httpStatus())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, 503), org.assertj.core.groups.Tuple.tuple(2, 200));
        assertThat(delivery.attempts().get(0).responseTime()).isEqualTo(Duration.ofMillis(12));
    }

    @Test
    void readsACreatedCallbackSecretButNeverShowsItsMaterial() throws Exception {
        CallbackSecret secret = mapper.readValue(Fixtures.bytes("callback-secret-created.json"), CallbackSecret.class);

        assertThat(secret.secret()).contains("whsec_4f9c2b7d8e1a");
        assertThat(secret.current()).isTrue();
        assertThat(secret.keyPrefix()).isEqualTo("whsec_4f9c");
        assertThat(secret.toString()).doesNotContain("whsec_4f9c2b7d8e1a").contains("plainSecret=***");
        assertThat(!secret.raw().path("plain_secret").isNull()).isFalse();
    }

    @Test
    void readsAModelAndKeepsItsInputDefinitions() throws Exception {
        Model model = mapper.readValue(Fixtures.bytes("model.json"), Model.class);

        assertThat(model.slug()).isEqualTo("flux-1-1-pro-ultra");
        assertThat(model.isPublic()).isTrue();
        assertThat(model.inputs()).hasSize(2);
        assertThat(model.raw().path("pricing_note").asString().orElseThrow()).isEqualTo("$0.06/image");
    }

    @Test
    void readsHealthWithOrWithoutTheOkFlag() throws Exception {
        assertThat(mapper.readValue("{\"ok\":true}", Health.class).ok()).isTrue();
        assertThat(mapper.readValue("{\"ok\":false}", Health.class).ok()).isFalse();
        assertThat(mapper.readValue("{\"status\":\"up\"}", Health.class).ok()).isTrue();
    }

    @Test
    void writesTheCreateBodyWithOnlyTheFieldsThatAreSet() throws Exception {
        RunRequest request = RunRequest.of("black-forest-labs/flux-1-1-pro-ultra", Map.of("prompt", "a fox"))
                .withCallbackUrl("https://example.com/hook")
                .withMetadata(Map.of("order_id", "A-1"))
                .withClientRef("order-A-1")
                .withIdempotencyKey("key-1");

        String json = new String(mapper.writeValueAsBytes(request), StandardCharsets.UTF_8);

        assertThat(json)
                .isEqualTo("{\"input\":{\"prompt\":\"a fox\"},\"callback_url\":\"https://example.com/hook\","
                        + "\"metadata\":{\"order_id\":\"A-1\"},\"client_ref\":\"order-A-1\"}");
        assertThat(mapper.writeValueAsString(RunRequest.of("a/b", Map.of()))).isEqualTo("{\"input\":{}}");
    }
}
