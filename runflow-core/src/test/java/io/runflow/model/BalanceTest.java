package io.runflow.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BalanceTest {

    private static Balance balance(String amount, String threshold) {
        return Balance.builder()
                .id("bal_1")
                .orgId("org_1")
                .balance(new BigDecimal(amount))
                .lowBalanceThreshold(threshold == null ? null : new BigDecimal(threshold))
                .build();
    }

    @Test
    void requiresABalance() {
        assertThatThrownBy(() -> Balance.builder().id("bal_1").build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("balance is required");
    }

    @Test
    void isLowOnlyStrictlyBelowTheThreshold() {
        assertThat(balance("4.99", "5.00").isLow()).isTrue();
        assertThat(balance("5.0", "5.00").isLow()).isFalse();
        assertThat(balance("5.01", "5.00").isLow()).isFalse();
    }

    @Test
    void isNeverLowWithoutAThreshold() {
        assertThat(balance("0", null).isLow()).isFalse();
    }

    @Test
    void rawIsMissingWhenAbsentAndACopyWhenGiven() {
        assertThat(balance("1", null).raw().isNull()).isTrue();
        JsonValue raw = JsonValue.object(Map.of("balance", "1"));
        Balance balance =
                Balance.builder().id("bal_1").balance(BigDecimal.ONE).raw(raw).build();
        assertThat(balance.raw()).isEqualTo(JsonValue.object(Map.of("balance", "1")));
    }
}
