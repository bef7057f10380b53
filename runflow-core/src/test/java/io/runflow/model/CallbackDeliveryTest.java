package io.runflow.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallbackDeliveryTest {

    private static CallbackDelivery delivery(String runId, String batchId, List<CallbackAttempt> attempts) {
        return new CallbackDelivery(
                "cd_1",
                runId,
                batchId,
                "https://example.com/h",
                "{}",
                "cs_1",
                true,
                "failed",
                "timeout",
                2,
                5,
                null,
                null,
                null,
                attempts,
                null);
    }

    @Test
    void requiresAnId() {
        assertThatThrownBy(() -> new CallbackDelivery(
                        null, null, null, null, null, null, false, null, null, 0, 0, null, null, null, null, null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("id");
    }

    @Test
    void copiesTheAttemptsAndDefaultsThemToEmpty() {
        CallbackAttempt attempt = new CallbackAttempt("ca_1", 1, 500, "boom", null, null, null);
        List<CallbackAttempt> attempts = new ArrayList<>(List.of(attempt));
        CallbackDelivery delivery = delivery("run_1", null, attempts);
        attempts.clear();
        assertThat(delivery.attempts()).containsExactly(attempt);
        assertThat(delivery("run_1", null, null).attempts()).isEmpty();
        assertThat(delivery("run_1", null, null).raw().isMissingNode()).isTrue();
    }

    @Test
    void toStringNamesTheRunOrTheBatch() {
        assertThat(delivery("run_1", null, null).toString())
                .isEqualTo("CallbackDelivery[id=cd_1, runId=run_1, status=failed, attempts=2]");
        assertThat(delivery(null, "bat_1", null).toString())
                .isEqualTo("CallbackDelivery[id=cd_1, batchId=bat_1, status=failed, attempts=2]");
    }
}
