package io.runflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The system sleeper: the one piece that really waits, so the only test here that takes wall time. */
class SleeperTest {

    @Test
    void sleepsAtLeastTheDurationAsked() throws InterruptedException {
        long start = System.nanoTime();

        Sleeper.system().sleep(Duration.ofMillis(20));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(20));
    }

    @Test
    void aZeroOrNegativeDurationReturnsAtOnceEvenOnAnInterruptedThread() {
        Thread.currentThread().interrupt();
        try {
            // Thread.sleep would throw InterruptedException here, or IllegalArgumentException for -5 ms.
            assertThatCode(() -> Sleeper.system().sleep(Duration.ZERO)).doesNotThrowAnyException();
            assertThatCode(() -> Sleeper.system().sleep(Duration.ofMillis(-5))).doesNotThrowAnyException();
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }
}
