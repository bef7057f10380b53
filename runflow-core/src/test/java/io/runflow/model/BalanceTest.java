package io.runflow.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class BalanceTest {

    private static Balance balance(String amount, String threshold) {
        return new Balance(
                "bal_1",
                "org_1",
                new BigDecimal(amount),
                threshold == null ? null : new BigDecimal(threshold),
                null,
                null,
                null,
                null);
    }

    @Test
    void requiresABalance() {
        assertThatThrownBy(() -> new Balance("bal_1", null, null, null, null, null, null, null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("balance");
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
        assertThat(balance("1", null).raw().isMissingNode()).isTrue();
        ObjectNode raw = JsonNodeFactory.instance.objectNode().put("balance", "1");
        Balance balance = new Balance("bal_1", null, BigDecimal.ONE, null, null, null, null, raw);
        ((ObjectNode) balance.raw()).put("balance", "2");
        assertThat(balance.raw())
                .isEqualTo(JsonNodeFactory.instance.objectNode().put("balance", "1"));
    }
}
