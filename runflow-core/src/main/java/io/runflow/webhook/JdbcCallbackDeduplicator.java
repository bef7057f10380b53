package io.runflow.webhook;

import static io.runflow.internal.DurationChecks.positive;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Shares de-duplication marks between application instances through a table in the application's
 * own database, so that a callback delivered to any instance behind a load balancer is handed to the
 * application once. Plain JDBC: any {@link DataSource} (a connection pool such as HikariCP, or the
 * one Spring Boot or Micronaut configures) and no further dependency.
 *
 * <pre>{@code
 * JdbcCallbackDeduplicator deduplicator = JdbcCallbackDeduplicator.builder(dataSource)
 *         .retention(Duration.ofDays(7))
 *         .build();
 * deduplicator.createTableIfMissing(); // or run ddl() in your schema migrations
 * if (deduplicator.firstDelivery(callback)) {
 *     handle(callback);
 * }
 * }</pre>
 *
 * <h2>The table</h2>
 *
 * <p>{@link #ddl()} returns the statement, portable across PostgreSQL, H2 and MySQL; for the default
 * table name it reads:
 *
 * <pre>{@code
 * CREATE TABLE IF NOT EXISTS runflow_callback_deliveries (
 *     delivery_key VARCHAR(300) NOT NULL PRIMARY KEY,
 *     first_seen TIMESTAMP NOT NULL
 * )
 * }</pre>
 *
 * <p>{@code delivery_key} holds {@link CallbackDeduplicator#keyOf(Callback)}, for example {@code
 * run:run-1:run.completed}; a key longer than {@value #MAX_KEY_LENGTH} characters is stored as
 * {@code sha256:} and the 64 hex digits of its SHA-256 instead, which keeps it apart from every
 * literal key (those start with {@code run:} or {@code batch:}). {@code first_seen} is the instant
 * of the first delivery in UTC, taken from this class's clock, not the database's. On MySQL, give
 * {@code delivery_key} a binary collation ({@code COLLATE utf8mb4_bin}) so that keys differing only
 * in case stay apart. {@link #purgeExpired()} scans by {@code first_seen}; on a large table an index
 * on that column makes it cheaper.
 *
 * <h2>How a delivery is decided</h2>
 *
 * <p>{@link #firstDelivery(Callback)} is one {@code INSERT}, committed at once: it succeeds for
 * the first delivery and fails on the primary key for every repeat, whichever instance the repeat
 * reaches and however close together they arrive, so the database's unique key, not a read before
 * the write, decides. There is no check-then-insert. A mark older than the retention no longer
 * blocks a delivery: when the insert meets one, the expired row is deleted with a guarded {@code
 * DELETE ... WHERE delivery_key = ? AND first_seen <= ?} and the insert is tried once more. Of
 * several instances racing over the same expired mark, one deletes it and the others delete
 * nothing; any second insert fails on the key, so still exactly one answers {@code true}. (This
 * assumes the instances' clocks differ by less than the retention.) {@link #purgeExpired()} only
 * keeps the table small; correctness does not depend on running it.
 *
 * <p>Each call takes one connection from the data source and gives it back before returning; on a
 * connection with auto-commit off, auto-commit is switched on for the call and restored afterwards.
 * Give it a data source that is not bound to the caller's transaction: a mark must be committed
 * whatever becomes of the caller's work. PostgreSQL writes every repeat's key violation to its
 * server log as an error; that is expected.
 *
 * <h2>Transactional delivery</h2>
 *
 * <p>{@link #deliverOnce(Callback, CallbackListener)}, which {@link WebhookEndpoint} uses by default,
 * writes the mark and runs the listeners in one transaction on one connection (auto-commit off):
 * a listener that throws, or a process that dies mid-delivery, leaves no mark, so the callback is
 * delivered again; a repeat arriving meanwhile waits on the key's lock and then counts as a repeat.
 * Listeners reach that connection through {@link #listener(JdbcCallbackListener)}; frameworks join
 * their own transaction with {@link #markIn(Connection, Callback)}. The trade-off: each delivery
 * holds a connection for as long as its listeners run, so size the pool for the concurrent
 * deliveries and keep listeners short.
 *
 * <p>Any {@link SQLException} (database down, pool exhausted, table missing) becomes a {@link
 * CallbackDeduplicationException}, never an answer. Instances are immutable and thread-safe.
 */
public final class JdbcCallbackDeduplicator implements TransactionalCallbackDeduplicator {

    /** The table used unless {@link Builder#tableName(String)} says otherwise. */
    public static final String DEFAULT_TABLE_NAME = "runflow_callback_deliveries";

    /** The longest key stored as it is; longer keys are stored as {@code sha256:<64 hex digits>}. */
    public static final int MAX_KEY_LENGTH = 300;

    /** How long a mark blocks repeats unless {@link Builder#retention(Duration)} says otherwise. */
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(7);

    /**
     * Unquoted identifiers only, so that no table name can carry SQL; 63 characters is PostgreSQL's
     * limit (and below MySQL's 64).
     */
    private static final Pattern TABLE_NAME =
            Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}(\\.[A-Za-z_][A-Za-z0-9_]{0,62})?");

    /** The one check of the table names this package's JDBC stores put into their SQL. */
    static String checkTableName(String tableName) {
        Objects.requireNonNull(tableName, "tableName");
        if (!TABLE_NAME.matcher(tableName).matches()) {
            throw new IllegalArgumentException(
                    "tableName must be a plain SQL identifier, optionally schema-qualified, got \"" + tableName + "\"");
        }
        return tableName;
    }

    /** The connection of the delivery running on this thread, for {@link #listener(JdbcCallbackListener)}. */
    private static final ThreadLocal<Connection> DELIVERY = new ThreadLocal<>();

    private final DataSource dataSource;
    private final String tableName;
    private final Duration retention;
    private final Clock clock;
    private final JdbcRunLedger ledger;
    private final String insert;
    private final String deleteExpiredKey;
    private final String deleteKey;
    private final String deleteExpired;
    /** PostgreSQL: the mark in one statement, an expired one taken over (see {@link #markOnPostgres}). */
    private final String upsert;
    /** PostgreSQL with a ledger: the same, and the run settled in the same statement. */
    private final String upsertAndSettle;
    /** Whether the data source is PostgreSQL; read from the first connection's metadata. */
    private volatile Boolean postgres;

    private JdbcCallbackDeduplicator(Builder builder) {
        this.dataSource = builder.dataSource;
        this.tableName = builder.tableName;
        this.retention = builder.retention;
        this.clock = builder.clock;
        this.ledger = builder.ledger;
        this.insert = "INSERT INTO " + tableName + " (delivery_key, first_seen) VALUES (?, ?)";
        this.deleteExpiredKey = "DELETE FROM " + tableName + " WHERE delivery_key = ? AND first_seen <= ?";
        this.deleteKey = "DELETE FROM " + tableName + " WHERE delivery_key = ?";
        this.deleteExpired = "DELETE FROM " + tableName + " WHERE first_seen <= ?";
        this.upsert = "INSERT INTO " + tableName + " AS m (delivery_key, first_seen) VALUES (?, ?)"
                + " ON CONFLICT (delivery_key) DO UPDATE SET first_seen = EXCLUDED.first_seen WHERE m.first_seen <= ?"
                + " RETURNING 1";
        this.upsertAndSettle = ledger == null
                ? null
                : "WITH mark AS (" + upsert + "), settled AS (DELETE FROM " + ledger.tableName()
                        + " WHERE run_id = ? AND EXISTS (SELECT 1 FROM mark)) SELECT count(*) FROM mark";
    }

    /**
     * Starts a configuration.
     *
     * @param dataSource where the table lives; connections are taken per call and closed after it
     * @return a new builder
     */
    public static Builder builder(DataSource dataSource) {
        return new Builder(dataSource);
    }

    /**
     * Returns the statement that creates this de-duplicator's table, for schema migrations. See the
     * class documentation for the statement with the default name.
     *
     * @return a {@code CREATE TABLE IF NOT EXISTS} statement, without a trailing semicolon
     */
    public String ddl() {
        return "CREATE TABLE IF NOT EXISTS " + tableName + " (\n"
                + "    delivery_key VARCHAR(" + MAX_KEY_LENGTH + ") NOT NULL PRIMARY KEY,\n"
                + "    first_seen TIMESTAMP NOT NULL\n"
                + ")";
    }

    /**
     * Creates the table unless it exists, by running {@link #ddl()}. Safe to call on every start,
     * from several instances at once; a schema given in {@link Builder#tableName(String)} must
     * exist.
     *
     * @throws CallbackDeduplicationException if the statement fails
     */
    public void createTableIfMissing() {
        withConnection("createTableIfMissing", connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute(ddl());
            } catch (SQLException concurrentlyCreated) {
                // PostgreSQL's IF NOT EXISTS is not atomic: of sessions creating the table at once,
                // all but one can fail on a catalog key (23505 on pg_type, 42710 on the primary key's
                // index, 42P07), after the winner committed. Once more is then a no-op; a failure of
                // any other cause fails again, and that is what is reported.
                try (Statement again = connection.createStatement()) {
                    again.execute(ddl());
                }
            }
            return null;
        });
    }

    /**
     * Records a delivery with one insert and tells whether it is the first of its run (or batch)
     * and event within the retention, across every instance that shares the table.
     *
     * @param callback a verified callback
     * @return true for the first delivery, false for a repeat
     * @throws CallbackDeduplicationException if the database cannot be used
     */
    @Override
    public boolean firstDelivery(Callback callback) {
        String key = storedKey(Objects.requireNonNull(callback, "callback"));
        Instant now = clock.instant();
        return withConnection("firstDelivery", connection -> {
            if (isPostgres(connection)) {
                return markOnPostgres(connection, key, now);
            }
            if (tryInsert(connection, key, now)) {
                return settled(connection, key);
            }
            if (deleteIfExpired(connection, key, now) == 0) {
                return false;
            }
            // The expired mark is gone; another instance may have inserted a fresh one since, and
            // then this insert loses on the key like any repeat.
            return tryInsert(connection, key, now) && settled(connection, key);
        });
    }

    /**
     * Writes the mark and runs {@code delivery} in one transaction on one connection of the data
     * source: committed when {@code delivery} returns, rolled back when it throws. A repeat (a mark
     * within the retention, committed by any instance) runs nothing; a repeat that arrives while the
     * first delivery is still running waits for its transaction to end.
     *
     * @param callback a verified (or reconciled) callback
     * @param delivery the work; {@link #listener(JdbcCallbackListener)} hands it the connection
     * @return true when {@code delivery} ran and committed, false for a repeat
     * @throws CallbackDeduplicationException if the database cannot be used
     */
    @Override
    public boolean deliverOnce(Callback callback, CallbackListener delivery) {
        Objects.requireNonNull(callback, "callback");
        Objects.requireNonNull(delivery, "delivery");
        Connection connection;
        try {
            connection = dataSource.getConnection();
        } catch (SQLException e) {
            throw new CallbackDeduplicationException(message("deliverOnce", e), e);
        }
        Connection outer = DELIVERY.get();
        try (connection) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            boolean committed = false;
            try {
                if (!mark(connection, storedKey(callback), clock.instant())) {
                    return false;
                }
                DELIVERY.set(connection);
                delivery.onCallback(callback);
                connection.commit();
                committed = true;
                return true;
            } finally {
                DELIVERY.set(outer);
                if (!committed) {
                    rollbackQuietly(connection);
                }
                if (autoCommit) {
                    connection.setAutoCommit(true);
                }
            }
        } catch (SQLException e) {
            throw new CallbackDeduplicationException(message("deliverOnce", e), e);
        }
    }

    /**
     * Writes the mark of a delivery in the caller's transaction, for frameworks that run the
     * listeners in a transaction of their own (Spring's transaction manager): the mark commits or
     * rolls back with it. Answers false for a repeat; the transaction must then be rolled back (on
     * PostgreSQL the failed insert has aborted it).
     *
     * @param connection the transaction's connection, auto-commit off
     * @param callback a verified (or reconciled) callback
     * @return true for the first delivery, false for a repeat
     * @throws CallbackDeduplicationException if the database cannot be used
     */
    public boolean markIn(Connection connection, Callback callback) {
        Objects.requireNonNull(connection, "connection");
        String key = storedKey(Objects.requireNonNull(callback, "callback"));
        try {
            return mark(connection, key, clock.instant());
        } catch (SQLException e) {
            throw new CallbackDeduplicationException(message("markIn", e), e);
        }
    }

    /**
     * Returns a listener that runs {@code listener} with the connection of the delivery's
     * transaction ({@link #deliverOnce(Callback, CallbackListener)}), so that what it writes commits
     * with the mark. An {@link SQLException} it throws is rethrown as an {@link
     * IllegalStateException} carrying its SQLState, which rolls the delivery back.
     *
     * @param listener the listener
     * @return the listener for {@link WebhookEndpoint.Builder#listener(CallbackListener)}
     * @throws IllegalStateException when called outside a transactional delivery (for example with
     *     {@link WebhookEndpoint.Builder#transactional(boolean) transactional(false)})
     */
    public static CallbackListener listener(JdbcCallbackListener listener) {
        Objects.requireNonNull(listener, "listener");
        return callback -> {
            Connection connection = DELIVERY.get();
            if (connection == null) {
                throw new IllegalStateException("JdbcCallbackDeduplicator.listener(..) runs only inside a transactional"
                        + " delivery: give the endpoint a JdbcCallbackDeduplicator and keep transactional(true)");
            }
            try {
                listener.onCallback(callback, connection);
            } catch (SQLException e) {
                String state = e.getSQLState() == null ? "no SQLState" : "SQLState " + e.getSQLState();
                throw new IllegalStateException("callback listener failed: " + state, e);
            }
        };
    }

    /** Inside a transaction: drops an expired mark of the key, then inserts; the key's lock decides. */
    private boolean mark(Connection connection, String key, Instant now) throws SQLException {
        if (isPostgres(connection)) {
            return markOnPostgres(connection, key, now);
        }
        // The guarded delete first, never after a failed insert: on PostgreSQL that failure aborts the
        // transaction. Two deliveries racing over an expired mark: one deletes it, the other waits on
        // its row lock, deletes nothing, and loses on the key of the first one's new mark.
        deleteIfExpired(connection, key, now);
        return tryInsert(connection, key, now) && settled(connection, key);
    }

    /**
     * PostgreSQL: the mark, the takeover of an expired one and the ledger's settling in one statement
     * and one round trip (the other databases' delete, insert and settle take three), and a repeat
     * is no error, so it does not abort the transaction. The same outcome as {@link #mark}: a fresh
     * mark of the key blocks the insert and the update alike; an expired one is updated, which takes
     * its row lock, so two deliveries racing over it are decided as the delete's lock decides them;
     * a repeat arriving while the first delivery's transaction is open waits for it to end.
     */
    private boolean markOnPostgres(Connection connection, String key, Instant now) throws SQLException {
        boolean settle = upsertAndSettle != null && key.startsWith("run:");
        try (PreparedStatement statement = connection.prepareStatement(settle ? upsertAndSettle : upsert)) {
            statement.setString(1, key);
            statement.setObject(2, utc(now));
            statement.setObject(3, utc(now.minus(retention)));
            if (settle) {
                statement.setString(4, key.substring(4, key.lastIndexOf(':')));
            }
            try (ResultSet rows = statement.executeQuery()) {
                return settle ? rows.next() && rows.getLong(1) > 0 : rows.next();
            }
        }
    }

    private boolean isPostgres(Connection connection) throws SQLException {
        Boolean known = postgres;
        if (known == null) {
            // The driver answers from what it learnt at connect time: no round trip.
            known = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
            postgres = known;
        }
        return known;
    }

    /** A run delivered is off the ledger, in the same transaction (or at once, marking first). */
    private boolean settled(Connection connection, String key) throws SQLException {
        if (ledger != null && key.startsWith("run:")) {
            ledger.settleIn(connection, key.substring(4, key.lastIndexOf(':')));
        }
        return true;
    }

    private static void rollbackQuietly(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // The connection is closed next; an open transaction dies with it.
        }
    }

    /**
     * Forgets a delivery, so that its next delivery counts as the first again. Releasing a delivery
     * that is not remembered does nothing.
     *
     * @param callback a callback that {@link #firstDelivery(Callback)} accepted
     * @throws CallbackDeduplicationException if the database cannot be used
     */
    @Override
    public void release(Callback callback) {
        String key = storedKey(Objects.requireNonNull(callback, "callback"));
        withConnection("release", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(deleteKey)) {
                statement.setString(1, key);
                statement.executeUpdate();
            }
            return null;
        });
    }

    /**
     * Deletes the marks older than the retention, to keep the table small. Run it now and then, for
     * example daily from a scheduler on one instance; expired marks block nothing even if it never
     * runs.
     *
     * @return how many marks were deleted
     * @throws CallbackDeduplicationException if the database cannot be used
     */
    public int purgeExpired() {
        Instant now = clock.instant();
        return withConnection("purgeExpired", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(deleteExpired)) {
                statement.setObject(1, utc(now.minus(retention)));
                return statement.executeUpdate();
            }
        });
    }

    private boolean tryInsert(Connection connection, String key, Instant now) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(insert)) {
            statement.setString(1, key);
            statement.setObject(2, utc(now));
            statement.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (isDuplicateKey(e)) {
                return false;
            }
            throw e;
        }
    }

    private int deleteIfExpired(Connection connection, String key, Instant now) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(deleteExpiredKey)) {
            statement.setString(1, key);
            statement.setObject(2, utc(now.minus(retention)));
            return statement.executeUpdate();
        }
    }

    /**
     * Tells a unique-key violation from every other failure. SQLState 23505 (the standard's, used by
     * PostgreSQL and H2) counts; 23000 counts with the vendor code of a duplicate key (MySQL and
     * MariaDB 1062, Oracle 1, SQL Server 2627 and 2601), since those databases give 23000 to a NOT
     * NULL violation too. Any other state of class 23 means a table of another shape, and must fail
     * loudly rather than pass for a repeat.
     */
    static boolean isDuplicateKey(SQLException e) {
        String state = e.getSQLState();
        if (state == null) {
            return e instanceof SQLIntegrityConstraintViolationException;
        }
        if (state.equals("23505")) {
            return true;
        }
        int code = e.getErrorCode();
        return state.equals("23000") && (code == 1062 || code == 1 || code == 2627 || code == 2601);
    }

    private <T> T withConnection(String operation, SqlWork<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            if (!autoCommit) {
                connection.setAutoCommit(true);
            }
            try {
                return work.run(connection);
            } finally {
                if (!autoCommit) {
                    connection.setAutoCommit(false);
                }
            }
        } catch (SQLException e) {
            throw new CallbackDeduplicationException(message(operation, e), e);
        }
    }

    private String message(String operation, SQLException e) {
        // Never the driver's message: it may name the host, the database and the user.
        String state = e.getSQLState() == null ? "no SQLState" : "SQLState " + e.getSQLState();
        return "JdbcCallbackDeduplicator." + operation + " on " + tableName + " failed: " + state + " ("
                + e.getClass().getSimpleName() + ")";
    }

    static String storedKey(Callback callback) {
        String key = CallbackDeduplicator.keyOf(callback);
        if (key.length() <= MAX_KEY_LENGTH) {
            return key;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + Hex.encode(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** UTC wall time: TIMESTAMP without a zone reads the same on every database and session. */
    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    @Override
    public String toString() {
        // Not the data source: its toString may show the URL or the user.
        return "JdbcCallbackDeduplicator[table=" + tableName + ", retention=" + retention + "]";
    }

    @FunctionalInterface
    private interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Builds a {@link JdbcCallbackDeduplicator}. */
    public static final class Builder {
        private final DataSource dataSource;
        private String tableName = DEFAULT_TABLE_NAME;
        private Duration retention = DEFAULT_RETENTION;
        private Clock clock = Clock.systemUTC();
        private JdbcRunLedger ledger;

        private Builder(DataSource dataSource) {
            this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        }

        /**
         * Sets the table the marks live in. Only a plain identifier is accepted, optionally with a
         * schema ({@code app.callback_deliveries}): letters, digits and underscores, not starting
         * with a digit, at most 63 characters each. It is used unquoted, so the database folds its
         * case as usual.
         *
         * @param tableName the table; default {@value JdbcCallbackDeduplicator#DEFAULT_TABLE_NAME}
         * @return this builder
         * @throws IllegalArgumentException if it is not a plain identifier
         */
        public Builder tableName(String tableName) {
            this.tableName = checkTableName(tableName);
            return this;
        }

        /**
         * Sets how long a mark blocks repeats after the first delivery, and after which {@link
         * JdbcCallbackDeduplicator#purgeExpired()} deletes it. Make it much longer than Runflow's
         * retry schedule and than the time in which you might request a redelivery.
         *
         * @param retention positive; default 7 days
         * @return this builder
         * @throws IllegalArgumentException if it is zero or negative
         */
        public Builder retention(Duration retention) {
            this.retention = positive(retention, "retention");
            return this;
        }

        /**
         * Sets the clock that stamps first deliveries and times expiry, for tests.
         *
         * @param clock the clock; default {@link Clock#systemUTC()}
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Sets the pending-runs ledger that a run's first delivery settles, in the delivery's
         * transaction, so that {@link CallbackReconciler} does not look it up. Give it a ledger on the
         * same data source.
         *
         * @param ledger the ledger; default none
         * @return this builder
         */
        public Builder ledger(JdbcRunLedger ledger) {
            this.ledger = Objects.requireNonNull(ledger, "ledger");
            return this;
        }

        /**
         * Builds the de-duplicator. It does not touch the database: call {@link
         * JdbcCallbackDeduplicator#createTableIfMissing()} or create the table with your migrations.
         *
         * @return a new de-duplicator
         */
        public JdbcCallbackDeduplicator build() {
            return new JdbcCallbackDeduplicator(this);
        }
    }
}
