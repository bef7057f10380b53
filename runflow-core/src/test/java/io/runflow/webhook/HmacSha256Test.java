package io.runflow.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HmacSha256Test {

    @Test
    void computesTheRfc4231TestCaseTwoAndHidesItsKey() {
        HmacSha256 hmac = new HmacSha256("Jefe".getBytes(StandardCharsets.US_ASCII));

        byte[] mac = hmac.mac("what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII));

        assertThat(Hex.encode(mac)).isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
        assertThat(hmac).hasToString("HmacSha256[key=***]");
    }
}
