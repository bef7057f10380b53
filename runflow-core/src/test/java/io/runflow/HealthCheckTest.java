package io.runflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import io.runflow.errors.RunflowIoException;
import io.runflow.model.Health;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HealthCheckTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-05-06T10:00:00Z"));
    private final AtomicInteger calls = new AtomicInteger();
    private final CountDownLatch never = new CountDownLatch(1);
    private volatile String mode = "ok";

    private final RunflowClient runflow = RunflowClient.builder()
            .apiKey("rf_test_key")
            .transport(options -> new DelegatingApi(new InMemoryRunflowApi()) {
                @Override
                public Health health() {
                    calls.incrementAndGet();
                    switch (mode) {
                        case "down":
                            return new Health(false, null);
                        case "failing":
                            throw new RunflowIoException("GET /v1/health: ConnectException", null);
                        case "hanging":
                            try {
                                never.await();
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                            return new Health(true, null);
                        default:
                            return new Health(true, null);
                    }
                }
            })
            .build();

    @AfterEach
    void close() {
        never.countDown();
        runflow.close();
    }

    @Test
    void reportsUpWhenTheApiAnswersOk() {
        HealthCheck.Result result = check(Duration.ofSeconds(10)).check();

        assertThat(result.up()).isTrue();
        assertThat(result.error()).isNull();
        assertThat(result.checkedAt()).isEqualTo(clock.instant());
    }

    @Test
    void reportsDownWhenTheApiSaysItIsNotOk() {
        mode = "down";

        assertThat(check(Duration.ZERO).check())
                .extracting(HealthCheck.Result::up, HealthCheck.Result::error)
                .containsExactly(false, "the API reports itself not ok");
    }

    @Test
    void reportsAFailureAsDownWithItsReason() {
        mode = "failing";

        assertThat(check(Duration.ZERO).check().error())
                .isEqualTo("RunflowIoException: GET /v1/health: ConnectException");
    }

    @Test
    void reportsDownAtTheTimeoutWhateverTheApiDoes() {
        mode = "hanging";
        HealthCheck check = HealthCheck.builder(runflow)
                .timeout(Duration.ofMillis(50))
                .clock(clock)
                .build();

        HealthCheck.Result result = check.check();

        assertThat(result.up()).isFalse();
        assertThat(result.error()).isEqualTo("no answer within PT0.05S");
        assertThat(result.latency()).isEqualTo(Duration.ofMillis(50));
    }

    @Test
    void reusesAnAnswerUntilItsTimeIsUp() {
        HealthCheck check = check(Duration.ofSeconds(10));
        check.check();

        clock.advance(Duration.ofSeconds(10).minusNanos(1));
        check.check();
        assertThat(calls).hasValue(1);

        clock.advance(Duration.ofNanos(1));
        check.check();
        assertThat(calls).hasValue(2);
    }

    @Test
    void rejectsBadSettings() {
        assertThatNullPointerException()
                .isThrownBy(() -> HealthCheck.builder(null))
                .withMessage("client");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> HealthCheck.builder(runflow).timeout(Duration.ZERO));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> HealthCheck.builder(runflow).cacheFor(Duration.ofSeconds(-1)));
    }

    private HealthCheck check(Duration cacheFor) {
        return HealthCheck.builder(runflow).cacheFor(cacheFor).clock(clock).build();
    }
}
