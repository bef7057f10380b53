package io.runflow.webhook;

import static io.runflow.webhook.SignedCallbacks.batch;
import static io.runflow.webhook.SignedCallbacks.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runflow.MutableClock;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What {@link JdbcCallbackDeduplicator} does on every database; a subclass per database supplies
 * two separate connection pools to the same database, standing for two application instances.
 */
abstract class JdbcCallbackDeduplicatorContract {

    private static final Duration RETENTION = Duration.ofHours(2);
    private static final String CUSTOM_TABLE = "custom_deliveries";
    private static final String OTHER_SHAPE_TABLE = "other_shape_deliveries";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-05-06T10:00:00Z"));

    /** The first instance's pool. */
    abstract DataSource pool();

    /** The second instance's pool: other connections to the same database. */
    abstract DataSource otherPool();

    /** The database's name, as the race test prints it. */
    abstract String databaseName();

    /** The end of the message for a missing table, for example {@code SQLState 42P01 (PSQLException)}. */
    abstract String missingTableFailure();

    /** The end of the message for a NOT NULL column the insert leaves empty. */
    abstract String notNullFailure();

    @BeforeEach
    void startsWithoutTables() throws SQLException {
        execute(
                "DROP TABLE IF EXISTS " + JdbcCallbackDeduplicator.DEFAULT_TABLE_NAME,
                "DROP TABLE IF EXISTS " + CUSTOM_TABLE,
                "DROP TABLE IF EXISTS " + OTHER_SHAPE_TABLE,
                "DROP TABLE IF EXISTS effects",
                "DROP TABLE IF EXISTS " + JdbcRunLedger.DEFAULT_TABLE_NAME);
    }

    @Test
    void settlesTheLedgerOnARunsFirstDeliveryOnlyWhicheverWayItIsMarked() throws SQLException {
        JdbcRunLedger ledger = JdbcRunLedger.builder(pool()).clock(clock).build();
        ledger.createTableIfMissing();
        for (String id : List.of("run-1", "run-2", "run-3", "run-4")) {
            ledger.runCreated(io.runflow.model.Run.builder()
                    .id(id)
                    .status(io.runflow.model.RunStatus.QUEUED)
                    .callbackUrl("https://example.com/hook")
                    .build());
        }
        JdbcCallbackDeduplicator deduplicator = JdbcCallbackDeduplicator.builder(pool())
                .retention(RETENTION)
                .clock(clock)
                .ledger(ledger)
                .build();
        deduplicator.createTableIfMissing();

        assertThat(deduplicator.firstDelivery(run("run-1", "run.completed"))).isTrue();
        assertThat(deduplicator.deliverOnce(run("run-2", "run.completed"), callback -> {}))
                .isTrue();
        assertThat(ledger.size()).isEqualTo(2);
        assertThatThrownBy(() -> deduplicator.deliverOnce(run("run-3", "run.completed"), callback -> {
                    throw new IllegalStateException("listener failed");
                }))
                .hasMessage("listener failed");
        assertThat(ledger.size()).as("rolled back with the mark").isEqualTo(2);

        // A repeat settles nothing: run-4 entered the ledger again after its first delivery.
        assertThat(deduplicator.deliverOnce(run("run-4", "run.completed"), callback -> {}))
                .isTrue();
        ledger.runCreated(io.runflow.model.Run.builder()
                .id("run-4")
                .status(io.runflow.model.RunStatus.QUEUED)
                .callbackUrl("https://example.com/hook")
                .build());
        assertThat(deduplicator.deliverOnce(run("run-4", "run.completed"), callback -> {}))
                .isFalse();
        assertThat(deduplicator.firstDelivery(run("run-4", "run.completed"))).isFalse();
        assertThat(ledger.size()).isEqualTo(2);
        // Once the mark has expired, the delivery is a first one again and settles.
        clock.advance(RETENTION);
        assertThat(deduplicator.deliverOnce(run("run-4", "run.completed"), callback -> {}))
                .isTrue();
        assertThat(ledger.size()).isEqualTo(1);
        assertThat(rows(JdbcCallbackDeduplicator.DEFAULT_TABLE_NAME)).isEqualTo(3);
    }

    @Test
    void answersTrueForTheFirstDeliveryAndFalseForARepeat() {
        JdbcCallbackDeduplicator deduplicator = deduplicator(pool());

        assertThat(deduplicator.firstDelivery(run("run-1", "run.completed"))).isTrue();
        assertThat(deduplicator.firstDelivery(run("run-1", "run.completed"))).isFalse();
    }

    @Test
    void answersFalseOnAnotherInstanceOnceOneHasTakenTheDelivery() {
        JdbcCallbackDeduplicator first = deduplicator(pool());
        JdbcCallbackDeduplicator second = deduplicator(otherPool());

        assertThat(first.firstDelivery(run("run-1", "run.completed"))).isTrue();
        assertThat(second.firstDelivery(run("run-1", "run.completed"))).isFalse();
    }

    @Test
    void takesADeliveryForTheFirstAgainOnceReleased() {
        JdbcCallbackDeduplicator deduplicator = deduplicator(pool());
        deduplicator.firstDelivery(run("run-1", "run.completed"));
        deduplicator.firstDelivery(run("run-2", "run.completed"));

        deduplicator(otherPool()).release(run("run-1", "run.completed"));

        assertThat(deduplicator.firstDelivery(run("run-1", "run.completed"))).isTrue();
        assertThat(deduplicator.firstDelivery(run("run-2", "run.completed"))).isFalse();
    }

    @Test
    void releasingADeliveryItDoesNotRememberChangesNothing() throws SQLException {
        JdbcCallbackDeduplicator deduplicator = deduplicator(pool());
        deduplicator.firstDelivery(run("run-1", "run.completed"));

        deduplicator.release(run("run-9", "run.completed"));

        assertThat(rows(JdbcCallbackDeduplicator.DEFAULT_TABLE_NAME)).isEqualTo(1);
        assertThat(deduplicator.firstDelivery(run("run-1", "run.completed"))).isFalse();
    }

    @Test
    void tellsRunsEventsAndBatchesApart() {
        JdbcCallbackDeduplicator deduplicator = deduplicator(pool());

        assertThat(deduplicator.firstDelivery(run("x-1", "run.completed"))).isTrue();
        assertThat(deduplicator.firstDelivery(run("x-2", "run.completed"))).isTrue();
        assertThat(deduplicator.firstDelivery(run("x-1", "run.failed"))).isTrue();
        assertThat(deduplicator.firstDelivery(batch("x-1", "run.completed"))).isTrue();
        assertThat(deduplicator.firstDelivery(batch("x-1", "batch.succeeded"))).isTrue();
        assertThat(deduplicator.firstDelivery(run("X-1", "run.completed"))).isTrue();
    }

    @Test
    void remembersAMarkUntilJustBeforeItsRetentionEnds() {
        JdbcCallbackDeduplicator deduplicator = deduplicator(pool());
        deduplicator.firstDelivery(run("run-1", "run.completed"));

        clock.advance(RETENTION.minusMillis(1));

        assertThat(deduplicator.firstDelivery(run("run-1", "run.completed"))).isFalse();
    }

    @Test
    void letsADeliveryThroughOnceItsMarkHasExpiredAndMarksItAfresh() throws SQLException {
        JdbcCallbackDeduplicator deduplicator = deduplicator(pool());
        deduplicator.firstDelivery(run("run-1", "run.completed"));

        clock.advance(RETENTION);

        assertThat(deduplicator.firstDelivery(run("run-1", "run.completed"))).isTrue();
        assertThat(deduplicator.firstDelivery(run("run-1", "run.completed"))).isFalse();
        clock.advance(RETENTION.minusMillis(1));
        assertThat(deduplicator(otherPool()).firstDelivery(run("run-1", "run.completed")))
                .isFalse();
        assertThat(rows(JdbcCallbackDeduplicator.DEFAULT_TABLE_NAME)).isEqualTo(1);
    }

    @Test
    void purgesOnlyExpiredMarksAndCountsThem() {
        JdbcCallbackDeduplicator deduplicator = deduplicator(pool());
        for (String id : List.of("old-1", "old-2", "old-3")) {
            deduplicator.firstDelivery(run(id, "run.completed"));
        }
        clock.advance(Duration.ofHours(1));
        deduplicator.firstDelivery(run("young-1", "run.completed"));
        deduplicator.firstDelivery(run("young-2", "run.completed"));
        clock.advance(RETENTION.minusHours(1));

        assertThat(deduplicator.purgeExpired()).isEqualTo(3);
        assertThat(deduplicator.purgeExpired()).isZero();
        assertThat(deduplicator.firstDelivery(run("young-1", "run.completed"))).isFalse();
        assertThat(deduplicator.firstDelivery(run("old-1", "run.completed"))).isTrue();
    }

    @Test
    void createsItsTableOnlyOnceAndKeepsTheMarks() {
        JdbcCallbackDeduplicator deduplicator =
                JdbcCallbackDeduplicator.builder(pool()).clock(clock).build();
        deduplicator.createTableIfMissing();
        deduplicator.firstDelivery(run("run-1", "run.completed"));

        assertThatCode(deduplicator::createTableIfMissing).doesNotThrowAnyException();
        assertThat(deduplicator.firstDelivery(run("run-1", "run.completed"))).isFalse();
    }

    /**
     * Instances starting together on a database without the table: each creates it at once, and
     * none may fail (PostgreSQL's IF NOT EXISTS alone fails one of two sessions about half the time).
     */
    @Test
    void createsItsTableWhenSeveralInstancesStartTogether() throws Exception {
        int instances = 4;
        ExecutorService threads = Executors.newFixedThreadPool(instances);
        try {
            for (int round = 0; round < 20; round++) {
                execute("DROP TABLE IF EXISTS " + JdbcCallbackDeduplicator.DEFAULT_TABLE_NAME);
                CyclicBarrier together = new CyclicBarrier(instances);
                List<Future<?>> starts = new ArrayList<>();
                for (int i = 0; i < instances; i++) {
                    JdbcCallbackDeduplicator deduplicator = JdbcCallbackDeduplicator.builder(
                                    i % 2 == 0 ? pool() : otherPool())
                            .build();
                    starts.add(threads.submit(() -> {
                        together.await();
                        deduplicator.createTableIfMissing();
                        return null;
                    }));
                }
                for (Future<?> start : starts) {
                    assertThatCode(() -> start.get(1, TimeUnit.MINUTES))
                            .as("%s, round %d", databaseName(), round)
                            .doesNotThrowAnyException();
                }
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void keepsItsMarksInTheTableItIsGiven() throws SQLException {
        JdbcCallbackDeduplicator deduplicator =
                JdbcCallbackDeduplicator.builder(pool()).tableName(CUSTOM_TABLE).build();
        deduplicator.createTableIfMissing();

        assertThat(deduplicator.firstDelivery(run("run-1", "run.completed"))).isTrue();
        assertThat(rows(CUSTOM_TABLE)).isEqualTo(1);
        assertThat(tableExists(JdbcCallbackDeduplicator.DEFAULT_TABLE_NAME)).isFalse();
    }

    @Test
    void storesAKeyLongerThanTheColumnAsItsHash() throws SQLException {
        JdbcCallbackDeduplicator deduplicator = deduplicator(pool());
        String longId = "run-" + "x".repeat(400);

        assertThat(deduplicator.firstDelivery(run(longId, "run.completed"))).isTrue();
        assertThat(deduplicator.firstDelivery(run(longId, "run.completed"))).isFalse();
        assertThat(deduplicator.firstDelivery(run(longId + "y", "run.completed")))
                .isTrue();
        assertThat(keysLike("sha256:%"))
                .hasSize(2)
                .allSatisfy(key -> assertThat(key).hasSize(71));
    }

    @Test
    @Timeout(30) // an uncommitted mark would hold its row lock, and the other instance would wait
    void commitsTheMarkAtOnceOnAConnectionWithAutoCommitOff() {
        JdbcCallbackDeduplicator deduplicator = deduplicator(TestDataSources.autoCommitOff(pool()));

        assertThat(deduplicator.firstDelivery(run("run-1", "run.completed"))).isTrue();

        assertThat(deduplicator(otherPool()).firstDelivery(run("run-1", "run.completed")))
                .isFalse();
    }

    @Test
    void reportsAMissingTableAsAFailureNotAnAnswer() {
        JdbcCallbackDeduplicator deduplicator =
                JdbcCallbackDeduplicator.builder(pool()).build();

        assertThatThrownBy(() -> deduplicator.firstDelivery(run("run-1", "run.completed")))
                .isInstanceOf(CallbackDeduplicationException.class)
                .hasMessage("JdbcCallbackDeduplicator.firstDelivery on runflow_callback_deliveries failed: "
                        + missingTableFailure())
                .hasCauseInstanceOf(SQLException.class);
    }

    @Test
    void reportsAnIntegrityFailureOtherThanTheKeyAsAFailureNotARepeat() throws SQLException {
        execute("CREATE TABLE " + OTHER_SHAPE_TABLE
                + " (delivery_key VARCHAR(300) NOT NULL PRIMARY KEY, first_seen TIMESTAMP NOT NULL,"
                + " instance VARCHAR(20) NOT NULL)");
        JdbcCallbackDeduplicator deduplicator = JdbcCallbackDeduplicator.builder(pool())
                .tableName(OTHER_SHAPE_TABLE)
                .build();

        assertThatThrownBy(() -> deduplicator.firstDelivery(run("run-1", "run.completed")))
                .isInstanceOf(CallbackDeduplicationException.class)
                .hasMessage(
                        "JdbcCallbackDeduplicator.firstDelivery on other_shape_deliveries failed: " + notNullFailure());
    }

    @Test
    void answersTrueExactlyOncePerCallbackWhenTwoInstancesRaceOverRepeats() throws Exception {
        race("fresh marks");
    }

    @Test
    void answersTrueExactlyOncePerCallbackWhenTwoInstancesRaceOverExpiredMarks() throws Exception {
        JdbcCallbackDeduplicator earlier = deduplicator(pool());
        for (Callback callback : raceCallbacks()) {
            earlier.firstDelivery(callback);
        }
        clock.advance(RETENTION);

        race("expired marks");
    }

    /**
     * Two instances on separate pools, eight threads each, offer every callback three times each,
     * all at once; exactly one offer per callback may win.
     */
    private void race(String label) throws Exception {
        int copies = 3;
        int threadsPerInstance = 8;
        JdbcCallbackDeduplicator first = deduplicator(pool());
        JdbcCallbackDeduplicator second = deduplicator(otherPool());
        List<Callback> callbacks = raceCallbacks();
        List<Callback> deliveries = new ArrayList<>();
        for (Callback callback : callbacks) {
            for (int copy = 0; copy < copies; copy++) {
                deliveries.add(callback);
            }
        }
        Map<String, AtomicInteger> firstsByKey = new ConcurrentHashMap<>();
        ExecutorService threads = Executors.newFixedThreadPool(2 * threadsPerInstance);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> firstsPerThread = new ArrayList<>();
        try {
            for (JdbcCallbackDeduplicator instance : List.of(first, second)) {
                for (int t = 0; t < threadsPerInstance; t++) {
                    int offset = t;
                    firstsPerThread.add(threads.submit(() -> {
                        start.await();
                        int firsts = 0;
                        // Both instances walk the same order, so repeats of a key meet in time.
                        for (int i = offset; i < deliveries.size(); i += threadsPerInstance) {
                            Callback callback = deliveries.get(i);
                            if (instance.firstDelivery(callback)) {
                                firsts++;
                                firstsByKey
                                        .computeIfAbsent(CallbackDeduplicator.keyOf(callback), k -> new AtomicInteger())
                                        .incrementAndGet();
                            }
                        }
                        return firsts;
                    }));
                }
            }
            start.countDown();
            int firstInstance = 0;
            int secondInstance = 0;
            for (int i = 0; i < firstsPerThread.size(); i++) {
                int firsts = firstsPerThread.get(i).get(2, TimeUnit.MINUTES);
                if (i < threadsPerInstance) {
                    firstInstance += firsts;
                } else {
                    secondInstance += firsts;
                }
            }
            assertThat(firstInstance + secondInstance)
                    .as("%s race over %s", databaseName(), label)
                    .isEqualTo(callbacks.size());
            assertThat(firstsByKey).hasSize(callbacks.size());
            assertThat(firstsByKey.values())
                    .allSatisfy(count -> assertThat(count.get()).isOne());
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void commitsTheListenersWritesWithTheMark() throws SQLException {
        execute("DROP TABLE IF EXISTS effects", "CREATE TABLE effects (run_id VARCHAR(64) PRIMARY KEY)");
        WebhookEndpoint endpoint = transactionalEndpoint(deduplicator(pool()), false);

        assertThat(endpoint.deliver(run("run-1", "run.completed")).status()).isEqualTo(200);
        assertThat(endpoint.deliver(run("run-1", "run.completed")).body()).isEqualTo("{\"outcome\":\"duplicate\"}");

        assertThat(rows("effects")).isEqualTo(1);
        assertThat(rows(JdbcCallbackDeduplicator.DEFAULT_TABLE_NAME)).isEqualTo(1);
    }

    @Test
    void leavesNeitherMarkNorEffectWhenAListenerThrows() throws SQLException {
        execute("DROP TABLE IF EXISTS effects", "CREATE TABLE effects (run_id VARCHAR(64) PRIMARY KEY)");
        JdbcCallbackDeduplicator deduplicator = deduplicator(pool());

        WebhookResponse failed = transactionalEndpoint(deduplicator, true).deliver(run("run-1", "run.completed"));

        assertThat(failed.body()).isEqualTo("{\"outcome\":\"failed\",\"reason\":\"listener_failed\"}");
        assertThat(rows("effects")).isZero();
        assertThat(rows(JdbcCallbackDeduplicator.DEFAULT_TABLE_NAME)).isZero();
        assertThat(transactionalEndpoint(deduplicator, false)
                        .deliver(run("run-1", "run.completed"))
                        .body())
                .isEqualTo("{\"outcome\":\"delivered\"}");
        assertThat(rows("effects")).isEqualTo(1);
    }

    @Test
    @Timeout(30)
    void showsNoMarkToOtherInstancesWhileTheListenersRun() throws Exception {
        JdbcCallbackDeduplicator deduplicator = deduplicator(pool());
        CountDownLatch listening = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        ExecutorService threads = Executors.newSingleThreadExecutor();
        try {
            Future<Boolean> delivery =
                    threads.submit(() -> deduplicator.deliverOnce(run("run-1", "run.completed"), c -> {
                        listening.countDown();
                        await(finish);
                    }));
            listening.await();

            // An instance killed now loses its connection, and with it the uncommitted mark.
            assertThat(rows(JdbcCallbackDeduplicator.DEFAULT_TABLE_NAME)).isZero();
            finish.countDown();
            assertThat(delivery.get()).isTrue();
            assertThat(rows(JdbcCallbackDeduplicator.DEFAULT_TABLE_NAME)).isEqualTo(1);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    @Timeout(30)
    void makesARepeatWaitForTheFirstDeliveryAndThenAnswersDuplicate() throws Exception {
        assertRepeatWhileTheFirstRuns(false, false);
    }

    @Test
    @Timeout(30)
    void deliversARepeatThatWaitedOnAFirstDeliveryThatRolledBack() throws Exception {
        assertRepeatWhileTheFirstRuns(true, true);
    }

    private void assertRepeatWhileTheFirstRuns(boolean firstFails, boolean repeatDelivered) throws Exception {
        JdbcCallbackDeduplicator first = deduplicator(pool());
        JdbcCallbackDeduplicator second = deduplicator(otherPool());
        CountDownLatch listening = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        AtomicInteger repeatsHandled = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<Boolean> delivery = threads.submit(() -> first.deliverOnce(run("run-1", "run.completed"), c -> {
                listening.countDown();
                await(finish);
                if (firstFails) {
                    throw new IllegalStateException("listener failed");
                }
            }));
            listening.await();
            Future<Boolean> repeat = threads.submit(
                    () -> second.deliverOnce(run("run-1", "run.completed"), c -> repeatsHandled.incrementAndGet()));

            assertThatThrownBy(() -> repeat.get(300, TimeUnit.MILLISECONDS))
                    .as("the repeat waits on the first delivery's lock")
                    .isInstanceOf(java.util.concurrent.TimeoutException.class);
            finish.countDown();

            if (firstFails) {
                assertThatThrownBy(delivery::get).hasRootCauseMessage("listener failed");
            } else {
                assertThat(delivery.get()).isTrue();
            }
            assertThat(repeat.get()).isEqualTo(repeatDelivered);
            assertThat(repeatsHandled).hasValue(repeatDelivered ? 1 : 0);
        } finally {
            finish.countDown();
            threads.shutdownNow();
        }
    }

    @Test
    void refusesAConnectionListenerOutsideATransactionalDelivery() {
        CallbackListener listener = JdbcCallbackDeduplicator.listener((callback, connection) -> {});

        assertThatThrownBy(() -> listener.onCallback(run("run-1", "run.completed")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("JdbcCallbackDeduplicator.listener(..) runs only inside a transactional");
    }

    private WebhookEndpoint transactionalEndpoint(JdbcCallbackDeduplicator deduplicator, boolean thenFail) {
        return WebhookEndpoint.builder()
                .verifier(WebhookVerifier.builder().secret("whsec_unused").build())
                .deduplicator(deduplicator)
                .listener(JdbcCallbackDeduplicator.listener((callback, connection) -> {
                    try (var insert = connection.prepareStatement("INSERT INTO effects (run_id) VALUES (?)")) {
                        insert.setString(1, callback.id());
                        insert.executeUpdate();
                    }
                }))
                .listener(callback -> {
                    if (thenFail) {
                        throw new IllegalStateException("second listener failed");
                    }
                })
                .build();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<Callback> raceCallbacks() {
        List<Callback> callbacks = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            callbacks.add(run("race-" + i, "run.completed"));
        }
        return callbacks;
    }

    private JdbcCallbackDeduplicator deduplicator(DataSource dataSource) {
        JdbcCallbackDeduplicator deduplicator = JdbcCallbackDeduplicator.builder(dataSource)
                .retention(RETENTION)
                .clock(clock)
                .build();
        deduplicator.createTableIfMissing();
        return deduplicator;
    }

    private void execute(String... statements) throws SQLException {
        try (Connection connection = pool().getConnection();
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private int rows(String table) throws SQLException {
        try (Connection connection = pool().getConnection();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            result.next();
            return result.getInt(1);
        }
    }

    private List<String> keysLike(String pattern) throws SQLException {
        try (Connection connection = pool().getConnection();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT delivery_key FROM "
                        + JdbcCallbackDeduplicator.DEFAULT_TABLE_NAME + " WHERE delivery_key LIKE '" + pattern
                        + "'")) {
            List<String> keys = new ArrayList<>();
            while (result.next()) {
                keys.add(result.getString(1));
            }
            return keys;
        }
    }

    private boolean tableExists(String table) throws SQLException {
        try (Connection connection = pool().getConnection();
                ResultSet tables = connection.getMetaData().getTables(null, null, null, new String[] {"TABLE"})) {
            while (tables.next()) {
                if (tables.getString("TABLE_NAME").equalsIgnoreCase(table)) {
                    return true;
                }
            }
            return false;
        }
    }
}
