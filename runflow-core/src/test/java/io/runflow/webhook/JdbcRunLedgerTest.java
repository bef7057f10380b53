package io.runflow.webhook;

import static io.runflow.webhook.SignedCallbacks.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runflow.MutableClock;
import io.runflow.model.Run;
import io.runflow.model.RunStatus;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The pending-runs ledger on H2: due times, claims by one instance, back-off, settling, purge. */
class JdbcRunLedgerTest {

    private static final Duration AFTER = Duration.ofMinutes(5);
    private static JdbcConnectionPool pool;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-05-06T10:00:00Z"));
    private JdbcRunLedger ledger;
    private JdbcRunLedger otherInstance;

    @BeforeAll
    static void open() {
        pool = JdbcConnectionPool.create("jdbc:h2:mem:runflow_ledger;DB_CLOSE_DELAY=-1", "sa", "");
    }

    @AfterAll
    static void close() {
        pool.dispose();
    }

    @BeforeEach
    void emptyTables() throws SQLException {
        try (Connection connection = pool.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS " + JdbcRunLedger.DEFAULT_TABLE_NAME);
            statement.execute("DROP TABLE IF EXISTS " + JdbcCallbackDeduplicator.DEFAULT_TABLE_NAME);
        }
        ledger = JdbcRunLedger.builder(pool).after(AFTER).clock(clock).build();
        otherInstance = JdbcRunLedger.builder(pool).after(AFTER).clock(clock).build();
        ledger.createTableIfMissing();
    }

    @Test
    void makesARunDueOnlyOnceItsDelayHasPassed() {
        ledger.runCreated(created("run-1"));

        clock.advance(AFTER.minusMillis(1));
        assertThat(ledger.claimDue(10)).isEmpty();
        clock.advance(Duration.ofMillis(1));
        assertThat(ledger.claimDue(10)).containsExactly("run-1");
    }

    @Test
    void letsOneInstanceClaimADueRunAndTheOtherNot() {
        ledger.runCreated(created("run-1"));
        clock.advance(AFTER);

        assertThat(ledger.claimDue(10)).containsExactly("run-1");
        assertThat(otherInstance.claimDue(10)).isEmpty();
    }

    @Test
    void looksAtARunStillInProgressAgainAfterADoublingBackOff() {
        ledger.runCreated(created("run-1"));
        clock.advance(AFTER);
        ledger.claimDue(10);

        clock.advance(AFTER.minusMillis(1));
        assertThat(ledger.claimDue(10)).isEmpty();
        clock.advance(Duration.ofMillis(1));
        assertThat(ledger.claimDue(10)).containsExactly("run-1");
        clock.advance(AFTER.multipliedBy(2).minusMillis(1));
        assertThat(ledger.claimDue(10)).isEmpty();
        assertThat(ledger.backoff(10)).isEqualTo(JdbcRunLedger.MAX_BACKOFF);
    }

    @Test
    void isSettledByTheFirstDeliveryOfTheRunsCallbackInItsTransaction() {
        ledger.runCreated(created("run-1"));
        ledger.runCreated(created("run-2"));
        JdbcCallbackDeduplicator marks = JdbcCallbackDeduplicator.builder(pool)
                .ledger(ledger)
                .clock(clock)
                .build();
        marks.createTableIfMissing();

        assertThatThrownBy(() -> marks.deliverOnce(run("run-1", "run.completed"), callback -> {
                    throw new IllegalStateException("listener failed");
                }))
                .hasMessage("listener failed");
        assertThat(ledger.size()).isEqualTo(2);

        assertThat(marks.deliverOnce(run("run-1", "run.completed"), callback -> {}))
                .isTrue();
        assertThat(ledger.size()).isEqualTo(1);
        clock.advance(AFTER);
        assertThat(ledger.claimDue(10)).containsExactly("run-2");
    }

    @Test
    void forgetsEntriesOlderThanTheRetention() {
        ledger.runCreated(created("run-1"));
        clock.advance(Duration.ofDays(7));

        assertThat(ledger.purgeExpired()).isEqualTo(1);
        assertThat(ledger.size()).isZero();
    }

    private static Run created(String id) {
        return Run.builder()
                .id(id)
                .status(RunStatus.QUEUED)
                .callbackUrl("https://example.com/hook")
                .build();
    }
}
