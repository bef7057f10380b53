package io.runflow;

import static java.time.Duration.ofMillis;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PollPolicyTest {

    @Test
    void startsAtOneSecondGrowsByHalfAndCapsAtFive() {
        PollPolicy policy = PollPolicy.builder().random(() -> 0.5).build();

        assertThat(policy.interval(0)).isEqualTo(ofSeconds(1));
        assertThat(policy.interval(1)).isEqualTo(ofMillis(1500));
        assertThat(policy.interval(2)).isEqualTo(ofMillis(2250));
        assertThat(policy.interval(3)).isEqualTo(ofMillis(3375));
        assertThat(policy.interval(4)).isEqualTo(ofSeconds(5));
        assertThat(policy.interval(400)).isEqualTo(ofSeconds(5));
        assertThat(policy.timeout()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void jitterSpreadsEachIntervalByAtMostTenPercent() {
        PollPolicy low = PollPolicy.builder().random(() -> 0.0).build();
        PollPolicy high = PollPolicy.builder().random(() -> 0.999_999).build();

        assertThat(low.interval(0)).isEqualTo(ofMillis(900));
        assertThat(high.interval(0)).isBetween(ofMillis(1099), ofMillis(1100));
        assertThat(low.interval(10)).isEqualTo(ofMillis(4500));
    }

    @Test
    void withTimeoutKeepsEverythingElse() {
        PollPolicy policy = PollPolicy.builder()
                .initialInterval(ofMillis(200))
                .maxInterval(ofSeconds(2))
                .multiplier(2)
                .jitter(0)
                .build()
                .withTimeout(ofSeconds(30));

        assertThat(policy.timeout()).isEqualTo(ofSeconds(30));
        assertThat(policy.interval(3)).isEqualTo(ofMillis(1600));
        assertThat(policy.interval(4)).isEqualTo(ofSeconds(2));
    }

    @Test
    void validatesItsSettings() {
        assertThatThrownBy(() -> PollPolicy.builder().timeout(Duration.ZERO))
                .hasMessage("timeout must be positive, got PT0S");
        assertThatThrownBy(() -> PollPolicy.builder().multiplier(0.5))
                .hasMessage("multiplier must be a finite number >= 1, got 0.5");
        assertThatThrownBy(() -> PollPolicy.builder().jitter(1.5))
                .hasMessage("jitter must be between 0 and 1, got 1.5");
        assertThatThrownBy(
                        () -> PollPolicy.builder().initialInterval(ofSeconds(9)).build())
                .hasMessage("initialInterval PT9S must not exceed maxInterval PT5S");
        assertThat(PollPolicy.builder().timeout(Duration.ofDays(365)).build().timeout())
                .isEqualTo(Duration.ofDays(365));
        assertThatThrownBy(() -> PollPolicy.builder().timeout(Duration.ofDays(366)))
                .hasMessage("timeout must be at most 365 days, got PT8784H; a run that long is better checked"
                        + " later by id");
        assertThatThrownBy(() -> PollPolicy.defaults().interval(-1))
                .hasMessage("unchangedPolls must not be negative, got -1");
    }
}
