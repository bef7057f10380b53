package io.runflow.testkit.internal.fake;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LoopbackGuardTest {

    @ParameterizedTest
    @ValueSource(
            strings = {"localhost", "LocalHost", "127.0.0.1", "127.0.0.0", "127.255.255.255", "127.1.2.3", "[::1]"})
    void loopbackHostsAreLiteralLoopbackAddresses(String host) {
        assertThat(LoopbackGuard.isLoopback(host)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "127.attacker.example",
                "127.0.0.1.nip.io",
                "localhost.attacker.example",
                "127.0.0.256",
                "127.0.0",
                "127.0.0.1.",
                "127.0.0.-1",
                "127.0.0.+1",
                "127.0.0.0001",
                "128.0.0.1",
                "126.255.255.255",
                "0.0.0.0",
                "[::2]",
                "[::ffff:8.8.8.8]",
                "example.com",
                ""
            })
    void everythingElseIsNotLoopback(String host) {
        assertThat(LoopbackGuard.isLoopback(host)).isFalse();
    }

    @Test
    void refusesAnotherHostWithTheReasonRecordedAsTheAttemptsError() {
        assertThat(new LoopbackGuard(false).refusal(URI.create("http://example.com/hook")))
                .isEqualTo(
                        "not sent: example.com is not a loopback host (enable allowNonLoopbackCallbacks to send it)");
    }

    @Test
    void letsLoopbackThroughAndAnyHostWhenRemoteCallbacksAreAllowed() {
        assertThat(new LoopbackGuard(false).refusal(URI.create("http://127.0.0.1:8080/hook")))
                .isNull();
        assertThat(new LoopbackGuard(true).refusal(URI.create("http://example.com/hook")))
                .isNull();
    }
}
