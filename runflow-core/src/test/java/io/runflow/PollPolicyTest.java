package io.runflow;

import static java.time.Duration.ofMillis;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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

    @Test
    void aRandomSourceOutsideZeroToOneIsAProgrammingError() {
        for (double draw : new double[] {1.0, -0.1, Double.NaN}) {
            PollPolicy broken = PollPolicy.builder().random(() -> draw).build();

            assertThatThrownBy(() -> broken.interval(0))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("random source must return values in [0, 1), got " + draw);
        }
    }

    @Test
    void multiplierAndJitterAreCheckedAtBothEnds() {
        assertThatThrownBy(() -> PollPolicy.builder().multiplier(Double.POSITIVE_INFINITY))
                .hasMessage("multiplier must be a finite number >= 1, got Infinity");
        assertThatThrownBy(() -> PollPolicy.builder().multiplier(Double.NaN))
                .hasMessage("multiplier must be a finite number >= 1, got NaN");
        assertThatThrownBy(() -> PollPolicy.builder().jitter(-0.01))
                .hasMessage("jitter must be between 0 and 1, got -0.01");

        PollPolicy constant =
                PollPolicy.builder().multiplier(1).jitter(1).random(() -> 0.0).build();
        assertThat(constant.multiplier()).isEqualTo(1.0);
        assertThat(constant.jitter()).isEqualTo(1.0);
        // A jitter of 1 spreads an interval from nothing to twice itself.
        assertThat(constant.interval(7)).isEqualTo(Duration.ZERO);
        assertThat(PollPolicy.builder().jitter(1).random(() -> 0.75).build().interval(0))
                .isEqualTo(ofMillis(1500));
    }

    @Test
    void readsBackItsSettingsAndTheDefaults() {
        PollPolicy policy = PollPolicy.builder()
                .initialInterval(ofMillis(300))
                .maxInterval(ofSeconds(3))
                .multiplier(2.5)
                .jitter(0.2)
                .timeout(ofSeconds(40))
                .build();

        assertThat(policy.initialInterval()).isEqualTo(ofMillis(300));
        assertThat(policy.maxInterval()).isEqualTo(ofSeconds(3));
        assertThat(policy.multiplier()).isEqualTo(2.5);
        assertThat(policy.jitter()).isEqualTo(0.2);
        assertThat(policy.timeout()).isEqualTo(ofSeconds(40));
        assertThat(policy)
                .hasToString("PollPolicy[initialInterval=PT0.3S, maxInterval=PT3S, multiplier=2.5, jitter=0.2,"
                        + " timeout=PT40S]");
        assertThat(PollPolicy.defaults())
                .hasToString("PollPolicy[initialInterval=PT1S, maxInterval=PT5S, multiplier=1.5, jitter=0.1,"
                        + " timeout=PT5M]");
    }

    @Test
    void theDefaultRandomSourceSpreadsIntervalsWithinTenPercent() {
        PollPolicy policy = PollPolicy.defaults();
        List<Duration> intervals = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            intervals.add(policy.interval(0));
        }

        assertThat(intervals).allSatisfy(interval -> assertThat(interval).isBetween(ofMillis(900), ofMillis(1100)));
        // Without a random source every interval would be the low end, 900 ms.
        assertThat(intervals.stream().distinct().count()).isGreaterThan(1);
    }
}
