package io.runflow.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallbackDeliveryTest {

    private static CallbackDelivery delivery(String runId, String batchId, List<CallbackAttempt> attempts) {
        return CallbackDelivery.builder()
                .id("cd_1")
                .runId(runId)
                .batchId(batchId)
                .callbackUrl("https://example.com/h")
                .payloadBytes("{}")
                .signingSecretId("cs_1")
                .automatic(true)
                .statusCode("failed")
                .failureReasonCode("timeout")
                .attemptCount(2)
                .maxAttempts(5)
                .attempts(attempts)
                .build();
    }

    @Test
    void requiresAnId() {
        assertThatThrownBy(() -> CallbackDelivery.builder()
                        .automatic(false)
                        .attemptCount(0)
                        .maxAttempts(0)
                        .build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("id is required");
    }

    @Test
    void copiesTheAttemptsAndDefaultsThemToEmpty() {
        CallbackAttempt attempt = CallbackAttempt.builder()
                .id("ca_1")
                .attemptNumber(1)
                .httpStatus(500)
                .responseBody("boom")
                .build();
        List<CallbackAttempt> attempts = new ArrayList<>(List.of(attempt));
        CallbackDelivery delivery = delivery("run_1", null, attempts);
        attempts.clear();
        assertThat(delivery.attempts()).containsExactly(attempt);
        assertThat(delivery("run_1", null, null).attempts()).isEmpty();
        assertThat(delivery("run_1", null, null).raw().isNull()).isTrue();
    }

    @Test
    void toStringNamesTheRunOrTheBatch() {
        assertThat(delivery("run_1", null, null).toString())
                .isEqualTo("CallbackDelivery[id=cd_1, runId=run_1, status=failed, attempts=2]");
        assertThat(delivery(null, "bat_1", null).toString())
                .isEqualTo("CallbackDelivery[id=cd_1, batchId=bat_1, status=failed, attempts=2]");
    }
}
