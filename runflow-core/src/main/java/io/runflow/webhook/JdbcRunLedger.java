package io.runflow.webhook;

import static io.runflow.internal.DurationChecks.positive;

import io.runflow.RunLedger;
import io.runflow.model.Run;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * The pending-runs ledger: the ids of runs created with a {@code callback_url} whose callback has
 * not been delivered yet, in one small table of the application's database. The client records each
 * run as it is created ({@code RunflowClient.builder().runLedger(ledger)}); a delivered callback
 * settles it ({@link JdbcCallbackDeduplicator.Builder#ledger(JdbcRunLedger)}, in the delivery's
 * transaction); {@link CallbackReconciler} claims the overdue ones and looks them up.
 *
 * <pre>{@code
 * JdbcRunLedger ledger = JdbcRunLedger.builder(dataSource).after(Duration.ofMinutes(5)).build();
 * ledger.createTableIfMissing(); // or run ddl() in your schema migrations
 * }</pre>
 *
 * <p>The table, for the default name:
 *
 * <pre>{@code
 * CREATE TABLE IF NOT EXISTS runflow_pending_runs (
 *     run_id VARCHAR(300) NOT NULL PRIMARY KEY,
 *     created_at TIMESTAMP NOT NULL,
 *     next_check_at TIMESTAMP NOT NULL,
 *     checks INTEGER NOT NULL
 * )
 * }</pre>
 *
 * <p>Times are UTC from this class's clock. A run is due {@link Builder#after(Duration)} after its
 * creation; an instance claims a due run with a conditional {@code UPDATE} (on {@code checks}) that
 * also moves its next check out by the back-off (doubling from {@code after}, at most {@link
 * #MAX_BACKOFF}), so that of several instances exactly one looks each run up, and a claim whose
 * instance died is picked up again once that time passes. {@link #purgeExpired()} deletes entries
 * older than the retention. Instances are immutable and thread-safe; failures are {@link
 * CallbackDeduplicationException}s.
 */
public final class JdbcRunLedger implements RunLedger {

    /** The table used unless {@link Builder#tableName(String)} says otherwise. */
    public static final String DEFAULT_TABLE_NAME = "runflow_pending_runs";

    /** How long after its creation a run without callback is looked up, unless set. */
    public static final Duration DEFAULT_AFTER = Duration.ofMinutes(5);

    /** The longest wait between two look-ups of a run still in progress. */
    public static final Duration MAX_BACKOFF = Duration.ofHours(1);

    private static final Duration DEFAULT_RETENTION = Duration.ofDays(7);

    private final DataSource dataSource;
    private final String tableName;
    private final Duration after;
    private final Duration retention;
    private final Clock clock;

    private JdbcRunLedger(Builder builder) {
        this.dataSource = builder.dataSource;
        this.tableName = builder.tableName;
        this.after = builder.after;
        this.retention = builder.retention;
        this.clock = builder.clock;
    }

    /**
     * Starts a configuration.
     *
     * @param dataSource where the table lives
     * @return a new builder
     */
    public static Builder builder(DataSource dataSource) {
        return new Builder(dataSource);
    }

    /**
     * Returns the statement that creates the table, for schema migrations.
     *
     * @return a {@code CREATE TABLE IF NOT EXISTS} statement, without a trailing semicolon
     */
    public String ddl() {
        return "CREATE TABLE IF NOT EXISTS " + tableName + " (\n"
                + "    run_id VARCHAR(" + JdbcCallbackDeduplicator.MAX_KEY_LENGTH + ") NOT NULL PRIMARY KEY,\n"
                + "    created_at TIMESTAMP NOT NULL,\n"
                + "    next_check_at TIMESTAMP NOT NULL,\n"
                + "    checks INTEGER NOT NULL\n"
                + ")";
    }

    /**
     * Creates the table unless it exists; safe on every start, from several instances at once.
     *
     * @throws CallbackDeduplicationException if the statement fails
     */
    public void createTableIfMissing() {
        run("createTableIfMissing", connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute(ddl());
            } catch (SQLException concurrentlyCreated) {
                // As for the marks: PostgreSQL's IF NOT EXISTS is not atomic; once more is a no-op.
                try (Statement again = connection.createStatement()) {
                    again.execute(ddl());
                }
            }
            return null;
        });
    }

    /**
     * Records a created run, due {@code after} from now. Recording it again changes nothing.
     *
     * @param run the created run
     * @throws CallbackDeduplicationException if the database cannot be used
     */
    @Override
    public void runCreated(Run run) {
        String runId = Objects.requireNonNull(run, "run").id();
        Instant now = clock.instant();
        run("runCreated", connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO " + tableName + " (run_id, created_at, next_check_at, checks) VALUES (?, ?, ?, 0)")) {
                insert.setString(1, runId);
                insert.setObject(2, utc(now));
                insert.setObject(3, utc(now.plus(after)));
                insert.executeUpdate();
            } catch (SQLException e) {
                if (!JdbcCallbackDeduplicator.isDuplicateKey(e)) {
                    throw e;
                }
            }
            return null;
        });
    }

    /**
     * Settles a run: its callback was delivered (or it was reconciled), so it is no longer looked up.
     *
     * @param runId the run id
     * @throws CallbackDeduplicationException if the database cannot be used
     */
    public void settle(String runId) {
        Objects.requireNonNull(runId, "runId");
        run("settle", connection -> settleIn(connection, runId));
    }

    /** The table, checked when it was set, for a de-duplicator that settles in its own statement. */
    String tableName() {
        return tableName;
    }

    /** Settles inside the caller's transaction, so that it commits with the delivery's mark. */
    Void settleIn(Connection connection, String runId) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + tableName + " WHERE run_id = ?")) {
            delete.setString(1, runId);
            delete.executeUpdate();
        }
        return null;
    }

    /**
     * Claims up to {@code limit} due runs for this instance: each is moved to its next check by the
     * back-off, so no other instance takes it until then.
     *
     * @param limit the most runs to claim
     * @return the claimed run ids, oldest due first
     * @throws CallbackDeduplicationException if the database cannot be used
     */
    public List<String> claimDue(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive, got " + limit);
        }
        Instant now = clock.instant();
        return run("claimDue", connection -> {
            List<String> ids = new ArrayList<>();
            List<Integer> checks = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT run_id, checks FROM " + tableName
                    + " WHERE next_check_at <= ? ORDER BY next_check_at FETCH FIRST " + limit + " ROWS ONLY")) {
                select.setObject(1, utc(now));
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        ids.add(rows.getString(1));
                        checks.add(rows.getInt(2));
                    }
                }
            }
            List<String> claimed = new ArrayList<>();
            try (PreparedStatement claim = connection.prepareStatement("UPDATE " + tableName
                    + " SET next_check_at = ?, checks = checks + 1 WHERE run_id = ? AND checks = ?")) {
                for (int i = 0; i < ids.size(); i++) {
                    claim.setObject(1, utc(now.plus(backoff(checks.get(i)))));
                    claim.setString(2, ids.get(i));
                    claim.setInt(3, checks.get(i));
                    // Of instances racing over one run, the first update bumps checks; the others match nothing.
                    if (claim.executeUpdate() == 1) {
                        claimed.add(ids.get(i));
                    }
                }
            }
            return claimed;
        });
    }

    /** The wait after the given number of look-ups: after, 2 after, 4 after, ..., at most an hour. */
    Duration backoff(int checks) {
        Duration delay = after;
        for (int i = 0; i < checks && delay.compareTo(MAX_BACKOFF) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : delay;
    }

    /**
     * Returns how many runs wait for their callback.
     *
     * @return the ledger's size
     * @throws CallbackDeduplicationException if the database cannot be used
     */
    public int size() {
        return run("size", connection -> {
            try (Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + tableName)) {
                rows.next();
                return rows.getInt(1);
            }
        });
    }

    /**
     * Deletes entries created longer ago than the retention (7 days), as the marks are purged.
     *
     * @return how many were deleted
     * @throws CallbackDeduplicationException if the database cannot be used
     */
    public int purgeExpired() {
        Instant now = clock.instant();
        return run("purgeExpired", connection -> {
            try (PreparedStatement delete =
                    connection.prepareStatement("DELETE FROM " + tableName + " WHERE created_at <= ?")) {
                delete.setObject(1, utc(now.minus(retention)));
                return delete.executeUpdate();
            }
        });
    }

    /**
     * Returns how long after its creation a run without callback is due.
     *
     * @return the delay
     */
    public Duration after() {
        return after;
    }

    private <T> T run(String operation, SqlWork<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.getAutoCommit()) {
                connection.setAutoCommit(true);
            }
            return work.run(connection);
        } catch (SQLException e) {
            String state = e.getSQLState() == null ? "no SQLState" : "SQLState " + e.getSQLState();
            throw new CallbackDeduplicationException(
                    "JdbcRunLedger." + operation + " on " + tableName + " failed: " + state + " ("
                            + e.getClass().getSimpleName() + ")",
                    e);
        }
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    @Override
    public String toString() {
        return "JdbcRunLedger[table=" + tableName + ", after=" + after + "]";
    }

    @FunctionalInterface
    private interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Builds a {@link JdbcRunLedger}. */
    public static final class Builder {
        private final DataSource dataSource;
        private String tableName = DEFAULT_TABLE_NAME;
        private Duration after = DEFAULT_AFTER;
        private Duration retention = DEFAULT_RETENTION;
        private Clock clock = Clock.systemUTC();

        private Builder(DataSource dataSource) {
            this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        }

        /**
         * Sets the table; a plain identifier, as for {@link JdbcCallbackDeduplicator.Builder#tableName(String)}.
         *
         * @param tableName the table; default {@value JdbcRunLedger#DEFAULT_TABLE_NAME}
         * @return this builder
         * @throws IllegalArgumentException if it is not a plain identifier
         */
        public Builder tableName(String tableName) {
            this.tableName = JdbcCallbackDeduplicator.checkTableName(tableName);
            return this;
        }

        /**
         * Sets how long after its creation a run whose callback has not arrived is looked up. Make it
         * longer than your runs usually take plus Runflow's retries (about 3 s).
         *
         * @param after positive; default 5 minutes
         * @return this builder
         */
        public Builder after(Duration after) {
            this.after = positive(after, "after");
            return this;
        }

        /**
         * Sets how long an entry is kept at most, for {@link JdbcRunLedger#purgeExpired()}.
         *
         * @param retention positive; default 7 days
         * @return this builder
         */
        public Builder retention(Duration retention) {
            this.retention = positive(retention, "retention");
            return this;
        }

        /**
         * Sets the clock, for tests.
         *
         * @param clock the clock; default {@link Clock#systemUTC()}
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Builds the ledger; it does not touch the database.
         *
         * @return the ledger
         */
        public JdbcRunLedger build() {
            return new JdbcRunLedger(this);
        }
    }
}
