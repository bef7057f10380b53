package io.runflow.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import io.runflow.model.ApiError;
import io.runflow.model.JsonValue;
import io.runflow.model.Run;
import io.runflow.model.RunFailure;
import io.runflow.model.RunStatus;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RunCallbackTest {

    private static final String SUCCEEDED =
            "{\"event\":\"run.completed\",\"run_id\":\"run-1\",\"status\":\"succeeded\","
                    + "\"output\":{\"outputs\":[{\"type\":\"image\",\"url\":\"https://cdn.example/a.jpg\",\"width\":2048}],"
                    + "\"seed\":1234},\"duration_ms\":10234,\"created_at\":\"2026-05-06T10:00:00.123456+00:00\","
                    + "\"completed_at\":\"2026-05-06T10:00:10.357891+00:00\",\"metadata\":{\"order_id\":\"A-1001\"}}";

    private static final String FAILED = "{\"event\":\"run.failed\",\"run_id\":\"run-2\",\"status\":\"failed\","
            + "\"output\":{\"code\":\"INPUT_VALIDATION_FAILED\",\"message\":\"image dimensions exceed 4096x4096\"},"
            + "\"duration_ms\":512,\"created_at\":\"2026-05-06T10:00:00+00:00\","
            + "\"completed_at\":\"2026-05-06T10:00:00.512+00:00\",\"metadata\":null}";

    @ParameterizedTest
    @CsvSource({
        "run.completed, COMPLETED, succeeded, SUCCEEDED",
        "run.failed, FAILED, failed, FAILED",
        "run.cancelled, CANCELLED, canceled, CANCELED",
        "run.partial_succeeded, PARTIAL_SUCCEEDED, partial_succeeded, PARTIAL_SUCCEEDED"
    })
    void readsEachEventWithItsStatus(String eventName, CallbackEvent event, String statusCode, RunStatus status) {
        RunCallback callback =
                read("{\"event\":\"" + eventName + "\",\"run_id\":\"run-1\",\"status\":\"" + statusCode + "\"}");

        assertThat(callback.event()).isEqualTo(event);
        assertThat(callback.eventName()).isEqualTo(eventName);
        assertThat(callback.status()).isEqualTo(status);
        assertThat(callback.statusCode()).isEqualTo(statusCode);
    }

    @ParameterizedTest
    @CsvSource({"canceled", "cancelled"})
    void readsBothSpellingsOfCanceled(String statusCode) {
        RunCallback callback =
                read("{\"event\":\"run.cancelled\",\"run_id\":\"run-1\",\"status\":\"" + statusCode + "\"}");

        assertThat(callback.status()).isEqualTo(RunStatus.CANCELED);
        assertThat(callback.statusCode()).isEqualTo(statusCode);
        assertThat(callback.toRun().statusCode())
                .as("the run keeps the spelling sent")
                .isEqualTo(statusCode);
    }

    @Test
    void readsTheUsSpellingOfTheCancelledEvent() {
        assertThat(CallbackEvent.from("run.canceled")).isEqualTo(CallbackEvent.CANCELLED);
        assertThat(CallbackEvent.from(" RUN.COMPLETED ")).isEqualTo(CallbackEvent.COMPLETED);
        assertThat(CallbackEvent.from(null)).isEqualTo(CallbackEvent.UNKNOWN);
    }

    @Test
    void takesTheStatusFromTheEventWhenTheBodyHasNone() {
        RunCallback callback = read("{\"event\":\"run.failed\",\"run_id\":\"run-1\"}");

        assertThat(callback.status()).isEqualTo(RunStatus.FAILED);
        assertThat(callback.statusCode()).isNull();
        assertThat(callback.toRun().statusCode()).isEqualTo("failed");
    }

    @Test
    void keepsAnUnknownEventRaw() {
        RunCallback callback = read("{\"event\":\"run.exploded\",\"run_id\":\"run-1\",\"status\":\"exploded\"}");

        assertThat(callback.event()).isEqualTo(CallbackEvent.UNKNOWN);
        assertThat(callback.eventName()).isEqualTo("run.exploded");
        assertThat(callback.status()).isEqualTo(RunStatus.UNKNOWN);
        assertThat(callback.statusCode()).isEqualTo("exploded");
    }

    @ParameterizedTest
    @CsvSource({
        "2026-05-06T10:00:10+00:00, 0",
        "2026-05-06T10:00:10.357+00:00, 357000000",
        "2026-05-06T10:00:10.357891+00:00, 357891000",
        "2026-05-06T10:00:10.357891123+00:00, 357891123",
        "2026-05-06T10:00:10Z, 0",
        "2026-05-06T10:00:10.357Z, 357000000",
        "2026-05-06T10:00:10.357891Z, 357891000",
        "2026-05-06T10:00:10.357891123Z, 357891123"
    })
    void readsTimestampsWithAnyFractionLengthAndEitherUtcForm(String text, int nanos) {
        RunCallback callback = read("{\"event\":\"run.completed\",\"run_id\":\"run-1\",\"status\":\"succeeded\","
                + "\"created_at\":\"" + text + "\",\"completed_at\":\"" + text + "\"}");

        OffsetDateTime expected = OffsetDateTime.of(2026, 5, 6, 10, 0, 10, nanos, ZoneOffset.UTC);
        assertThat(callback.createdAt()).isEqualTo(expected);
        assertThat(callback.completedAt()).isEqualTo(expected);
    }

    @Test
    void readsTheOutputOfASucceededRun() {
        RunCallback callback = read(SUCCEEDED);

        assertThat(callback.output()).isNotNull();
        assertThat(callback.output().outputs()).singleElement().satisfies(file -> {
            assertThat(file.url()).isEqualTo("https://cdn.example/a.jpg");
            assertThat(file.type()).isEqualTo("image");
            assertThat(file.width()).isEqualTo(2048);
        });
        assertThat(callback.output().seed()).isEqualTo(1234L);
        assertThat(callback.error()).isNull();
        assertThat(callback.duration()).isEqualTo(Duration.ofMillis(10234));
        assertThat(callback.createdAt()).isEqualTo(OffsetDateTime.parse("2026-05-06T10:00:00.123456Z"));
        assertThat(callback.metadata().path("order_id").asString()).contains("A-1001");
        assertThat(callback.raw().path("run_id").asString()).contains("run-1");
    }

    @Test
    void readsTheOlderImageUrlsOutput() {
        RunCallback callback = read("{\"event\":\"run.completed\",\"run_id\":\"run-1\",\"status\":\"succeeded\","
                + "\"output\":{\"image_urls\":[\"https://cdn.example/a.png\"]}}");

        assertThat(callback.output().outputs())
                .singleElement()
                .satisfies(file -> assertThat(file.url()).isEqualTo("https://cdn.example/a.png"));
    }

    @Test
    void readsTheErrorEnvelopeOfAFailedRun() {
        RunCallback callback = read(FAILED);

        assertThat(callback.output()).isNull();
        assertThat(callback.error())
                .isEqualTo(new ApiError("INPUT_VALIDATION_FAILED", "image dimensions exceed 4096x4096", List.of()));
        assertThat(callback.metadata()).isSameAs(JsonValue.JsonNull.INSTANCE);
    }

    @Test
    void readsNeitherOutputNorErrorOfACanceledRun() {
        RunCallback callback =
                read("{\"event\":\"run.cancelled\",\"run_id\":\"run-1\",\"status\":\"canceled\",\"output\":null}");

        assertThat(callback.output()).isNull();
        assertThat(callback.error()).isNull();
        assertThat(callback.duration()).isNull();
        assertThat(callback.createdAt()).isNull();
    }

    @Test
    void turnsASucceededCallbackIntoATerminalRun() {
        RunCallback callback = read(SUCCEEDED);

        Run run = callback.toRun();

        assertThat(run.id()).isEqualTo("run-1");
        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(run.statusCode()).isEqualTo("succeeded");
        assertThat(run.isTerminal()).isTrue();
        assertThat(run.output()).isSameAs(callback.output());
        assertThat(run.duration()).isEqualTo(Duration.ofMillis(10234));
        assertThat(run.createdAt()).isEqualTo(callback.createdAt());
        assertThat(run.completedAt()).isEqualTo(callback.completedAt());
        assertThat(run.metadata()).isSameAs(callback.metadata());
        assertThat(run.raw().path("event").asString()).contains("run.completed");
        assertThat(run.failure()).isNull();
    }

    @Test
    void turnsAFailedCallbackIntoARunWithItsFailure() {
        Run run = read(FAILED).toRun();

        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.failure())
                .isEqualTo(new RunFailure("INPUT_VALIDATION_FAILED", null, "image dimensions exceed 4096x4096"));
    }

    @Test
    void showsItsIdsButNotItsBodyInToString() {
        assertThat(read(SUCCEEDED))
                .hasToString("RunCallback[event=run.completed, runId=run-1, status=SUCCEEDED, requestId=req-1]");
    }

    @Test
    void keepsAFailureThatHasOnlyAMessageAndDropsAnEmptyOne() {
        RunCallback onlyMessage = read(
                "{\"event\":\"run.failed\",\"run_id\":\"run-2\",\"status\":\"failed\",\"output\":{\"message\":\"boom\"}}");
        RunCallback onlyCode = read("{\"event\":\"run.failed\",\"run_id\":\"run-2\",\"status\":\"failed\","
                + "\"output\":{\"code\":\"INTERNAL\"}}");
        RunCallback empty = read("{\"event\":\"run.failed\",\"run_id\":\"run-2\",\"status\":\"failed\",\"output\":{}}");

        assertThat(onlyMessage.error().message()).isEqualTo("boom");
        assertThat(onlyMessage.error().code()).isNull();
        assertThat(onlyCode.error().code()).isEqualTo("INTERNAL");
        assertThat(empty.error()).isNull();
        assertThat(empty.toRun().failure()).isNull();
    }

    @Test
    void readsTheBatchARunBelongsToWhenTheBodyNamesOne() {
        RunCallback callback = read("{\"event\":\"run.completed\",\"run_id\":\"run-1\",\"batch_id\":\"batch-9\"}");

        assertThat(callback.id()).isEqualTo("run-1");
        assertThat(callback.batchId()).isEqualTo("batch-9");
        assertThat(callback.toRun().batchId()).isEqualTo("batch-9");
    }

    @Test
    void sharesTheMetadataOfTheRawBodyInsteadOfCopyingIt() {
        RunCallback callback = read(SUCCEEDED);

        assertThat(callback.metadata()).isSameAs(callback.raw().path("metadata"));
        assertThat(callback.metadata()).isSameAs(callback.metadata());
    }

    @Test
    void isACallbackDeliveredByRunflow() {
        assertThat(read(SUCCEEDED).source()).isEqualTo(CallbackSource.CALLBACK);
    }

    @Test
    void buildsWithDefaultsFromTheEventName() {
        RunCallback callback =
                RunCallback.builder().runId("run-1").eventName("run.failed").build();

        assertThat(callback.event()).isEqualTo(CallbackEvent.FAILED);
        assertThat(callback.status()).isEqualTo(RunStatus.FAILED);
        assertThat(callback.statusCode()).isNull();
        assertThat(callback.metadata()).isSameAs(JsonValue.JsonNull.INSTANCE);
        assertThat(callback.raw()).isSameAs(JsonValue.JsonNull.INSTANCE);
        assertThat(callback.source()).isEqualTo(CallbackSource.CALLBACK);
        assertThat(callback.toRun().status()).isEqualTo(RunStatus.FAILED);
        assertThat(callback.toRun().metadata().isNull()).isTrue();
    }

    @Test
    void buildsTheEventNameFromTheEvent() {
        RunCallback callback = RunCallback.builder()
                .runId("run-1")
                .event(CallbackEvent.CANCELLED)
                .build();

        assertThat(callback.eventName()).isEqualTo("run.cancelled");
        assertThat(callback.status()).isEqualTo(RunStatus.CANCELED);
    }

    @Test
    void takesTheStatusFromTheStatusCodeBeforeTheEvent() {
        RunCallback callback = RunCallback.builder()
                .runId("run-1")
                .eventName("run.completed")
                .statusCode("partial_succeeded")
                .build();

        assertThat(callback.status()).isEqualTo(RunStatus.PARTIAL_SUCCEEDED);
    }

    @Test
    void requiresARunId() {
        assertThatIllegalStateException()
                .isThrownBy(
                        () -> RunCallback.builder().eventName("run.completed").build())
                .withMessage("runId is required");
    }

    @Test
    void requiresAnEvent() {
        assertThatIllegalStateException()
                .isThrownBy(() -> RunCallback.builder().runId("run-1").build())
                .withMessage("eventName is required");
    }

    @Test
    void rejectsNullForRequiredValuesAtOnce() {
        assertThatNullPointerException()
                .isThrownBy(() -> RunCallback.builder().runId(null))
                .withMessage("runId");
        assertThatNullPointerException()
                .isThrownBy(() -> RunCallback.builder().metadata(null))
                .withMessage("metadata");
    }

    @Test
    void copiesThroughToBuilderAndChangesOnlyWhatIsSet() {
        RunCallback callback = read(SUCCEEDED);

        RunCallback same = callback.toBuilder().build();
        RunCallback reconciled =
                callback.toBuilder().source(CallbackSource.RECONCILED).build();

        assertThat(same).isEqualTo(callback).hasSameHashCodeAs(callback);
        assertThat(reconciled).isNotEqualTo(callback);
        assertThat(reconciled.source()).isEqualTo(CallbackSource.RECONCILED);
        assertThat(reconciled.output()).isSameAs(callback.output());
        assertThat(reconciled)
                .hasToString("RunCallback[event=run.completed, runId=run-1, status=SUCCEEDED, requestId=req-1,"
                        + " source=RECONCILED]");
    }

    private static RunCallback read(String body) {
        return (RunCallback) CallbackReader.read(body.getBytes(StandardCharsets.UTF_8), "req-1");
    }
}
