package io.runflow.reliability;

import io.runflow.testkit.FakeRun;
import io.runflow.testkit.FakeRunflowServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.postgresql.PGConnection;

/**
 * The chaos run of issue 20, start to end: an embedded PostgreSQL, the fake Runflow API (which
 * delivers the callbacks, with Runflow's three attempts), two Spring and one Micronaut sample
 * instance with {@code runflow.webhook.dedup=jdbc}, reconciliation after a short delay, and the
 * samples' {@code CallbackEffects} listener writing one row per callback into {@value #EFFECTS}
 * after a pause. The runs are created through the instances ({@code POST /images}, callbacks to the
 * creating instance); once a quarter of the effects are written, {@code spring-2} is killed with
 * SIGKILL (listeners running: its open transactions are counted at that moment); at half, every
 * instance becomes unreachable for the outage ({@link FakeRunflowServer#blockCallbacks(Duration)})
 * and {@code spring-2} is started again on its port. Then it waits until every run has its effect
 * and the ledger is empty, or nothing has changed for a while, and counts the rows per run.
 *
 * <p>The harness never sleeps: it waits on the database's notifications of new rows (a trigger on
 * the table) with a timeout, and re-counts.
 */
final class ChaosRun {

    /** The listener's table. */
    static final String EFFECTS = "chaos_effects";

    private static final String CHANNEL = "chaos_effects";
    private static final String LEDGER = "runflow_pending_runs";
    private static final String MARKS = "runflow_callback_deliveries";
    private static final int VICTIM = 1;

    /**
     * The shape of one chaos run.
     *
     * @param runs how many runs are created
     * @param transactional {@code runflow.webhook.transactional}
     * @param listenerDelay the listener's pause before it writes its row
     * @param outage how long every instance is unreachable
     * @param creators concurrent {@code POST /images}
     * @param quiet how long without a new row (and with an empty ledger) ends the wait
     */
    record Settings(
            int runs,
            boolean transactional,
            Duration listenerDelay,
            Duration outage,
            int creators,
            Duration quiet,
            Duration reconcileAfter,
            Duration reconcileInterval) {

        static Settings full(boolean transactional) {
            return new Settings(
                    2_000,
                    transactional,
                    Duration.ofMillis(100),
                    Duration.ofSeconds(10),
                    8,
                    Duration.ofSeconds(20),
                    Duration.ofSeconds(8),
                    Duration.ofSeconds(2));
        }

        Settings withRuns(int count) {
            return new Settings(
                    count, transactional, listenerDelay, outage, creators, quiet, reconcileAfter, reconcileInterval);
        }
    }

    /** What one run found. */
    record Report(
            Settings settings,
            int created,
            int createFailures,
            int exactlyOnce,
            int missing,
            int duplicated,
            long rows,
            Map<String, Long> bySource,
            Map<String, Long> byInstance,
            int openTransactionsAtKill,
            int marks,
            int markedWithoutEffect,
            int ledgerLeft,
            double seconds,
            List<String> events) {

        boolean passed() {
            return created == settings.runs() && exactlyOnce == created && missing == 0 && duplicated == 0;
        }

        String markdown() {
            StringBuilder text = new StringBuilder();
            text.append(String.format(
                    "**%s** (`runflow.webhook.transactional=%s`): %,d runs created through the instances (%d creations"
                            + " failed); %,d with exactly one listener effect, %,d missing, %,d with more than one;"
                            + " %,d rows; %.1f s from the first creation to the end.%n%n",
                    settings.transactional() ? (passed() ? "PASS" : "FAIL") : "mark-first",
                    settings.transactional(),
                    created,
                    createFailures,
                    exactlyOnce,
                    missing,
                    duplicated,
                    rows,
                    seconds));
            text.append(String.format(
                    "Effects by source %s, by instance %s; open transactions of spring-2 when it was killed: %d;"
                            + " de-duplication marks %,d, of which %,d without an effect; ledger rows left %d.%n%n",
                    bySource, byInstance, openTransactionsAtKill, marks, markedWithoutEffect, ledgerLeft));
            for (String event : events) {
                text.append("- ").append(event).append('\n');
            }
            return text.toString();
        }
    }

    private final Samples samples;
    private final Path logs;
    private final PrintStream out;

    ChaosRun(Samples samples, Path logs, PrintStream out) {
        this.samples = samples;
        this.logs = logs;
        this.out = out;
    }

    Report run(Settings settings) throws IOException, InterruptedException, SQLException {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        List<SampleInstance> instances = new ArrayList<>();
        List<String> events = new ArrayList<>();
        String mode = settings.transactional() ? "transactional" : "mark-first";
        Path modeLogs = logs.resolve(mode);
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
                FakeRunflowServer api = FakeRunflowServer.builder()
                        .webhookSecret(WebhookLoad.WEBHOOK_SECRET)
                        .startingBalance(new BigDecimal("1000000"))
                        .phases(Duration.ZERO, Duration.ZERO, Duration.ofSeconds(2))
                        .build();
                Connection watch = postgres.getPostgresDatabase().getConnection()) {
            createEffectsTable(watch);
            String jdbcUrl = "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres";
            List<String> names = List.of("spring-1", "spring-2", "micronaut-1");
            long t0 = System.nanoTime();
            try {
                for (String name : names) {
                    instances.add(start(settings, name, jdbcUrl, api, modeLogs, 0));
                }
                for (SampleInstance instance : instances) {
                    instance.awaitReady(http);
                }
                out.printf("[%s] started %s in %.1f s%n", mode, instances, (System.nanoTime() - t0) / 1e9);

                List<ReentrantReadWriteLock> gates = new ArrayList<>();
                List<Boolean> up = new ArrayList<>();
                for (int i = 0; i < instances.size(); i++) {
                    gates.add(new ReentrantReadWriteLock());
                    up.add(Boolean.TRUE);
                }
                AtomicInteger failures = new AtomicInteger();
                long start = System.nanoTime();
                ExecutorService creators = Executors.newFixedThreadPool(settings.creators());
                List<Future<?>> creations = new ArrayList<>();
                for (int i = 0; i < settings.runs(); i++) {
                    int n = i;
                    creations.add(creators.submit(() -> create(http, instances, gates, up, n, failures)));
                }
                creators.shutdown();

                int openAtKill = 0;
                awaitRows(watch, settings.runs() / 4, Duration.ofSeconds(120));
                ReentrantReadWriteLock.WriteLock gate = gates.get(VICTIM).writeLock();
                gate.lock(); // its creations in flight end first: every run it created is known
                try {
                    synchronized (up) {
                        up.set(VICTIM, Boolean.FALSE);
                    }
                    openAtKill = openTransactions(watch, names.get(VICTIM));
                    instances.get(VICTIM).kill();
                } finally {
                    gate.unlock();
                }
                events.add(String.format(
                        "%.1f s: spring-2 killed (SIGKILL) at %,d rows, %d of its transactions open",
                        seconds(start), rows(watch), openAtKill));
                out.println("[" + mode + "] " + events.get(events.size() - 1));

                awaitRows(watch, settings.runs() / 2, Duration.ofSeconds(120));
                api.blockCallbacks(settings.outage());
                events.add(String.format(
                        "%.1f s: every instance unreachable for %d s, at %,d rows",
                        seconds(start), settings.outage().toSeconds(), rows(watch)));
                out.println("[" + mode + "] " + events.get(events.size() - 1));
                SampleInstance restarted = start(
                        settings,
                        names.get(VICTIM),
                        jdbcUrl,
                        api,
                        modeLogs.resolve("restarted"),
                        instances.get(VICTIM).port());
                instances.set(VICTIM, restarted);
                restarted.awaitReady(http);
                synchronized (up) {
                    up.set(VICTIM, Boolean.TRUE);
                }
                events.add(String.format("%.1f s: spring-2 started again on its port", seconds(start)));
                out.println("[" + mode + "] " + events.get(events.size() - 1));

                for (Future<?> creation : creations) {
                    try {
                        creation.get();
                    } catch (java.util.concurrent.ExecutionException e) {
                        throw new IllegalStateException(e.getCause());
                    }
                }
                events.add(String.format("%.1f s: all creations answered", seconds(start)));
                List<String> created = api.runs().stream().map(FakeRun::id).toList();
                awaitSettled(watch, created.size(), settings.quiet(), Duration.ofSeconds(180));
                double elapsed = seconds(start);
                events.add(String.format("%.1f s: settled", elapsed));
                return report(settings, watch, created, failures.get(), openAtKill, elapsed, events);
            } catch (RuntimeException | InterruptedException | SQLException e) {
                for (SampleInstance instance : instances) {
                    out.println("--- end of " + instance.log() + ":\n" + instance.tail());
                }
                throw e;
            } finally {
                instances.forEach(SampleInstance::stop);
                for (SampleInstance instance : instances) {
                    instance.close();
                }
            }
        }
    }

    private SampleInstance start(
            Settings settings, String name, String jdbcUrl, FakeRunflowServer api, Path logs, int port) {
        Samples.Connection connection = new Samples.Connection(
                jdbcUrl + "?ApplicationName=" + name,
                "postgres",
                api.baseUrl(),
                api.apiKey(),
                WebhookLoad.WEBHOOK_SECRET);
        List<String> extra = List.of(
                "--runflow.webhook.transactional=" + settings.transactional(),
                "--runflow.webhook.reconcile.after=" + settings.reconcileAfter().toMillis() + "ms",
                "--runflow.webhook.reconcile.interval="
                        + settings.reconcileInterval().toMillis() + "ms",
                "--images.effects-table=" + EFFECTS,
                "--images.effects-delay=" + settings.listenerDelay().toMillis() + "ms",
                "--images.instance=" + name);
        return name.startsWith("micronaut")
                ? samples.micronaut(name, connection, logs, extra, port)
                : samples.spring(name, connection, logs, extra, port);
    }

    /** One {@code POST /images} through the next instance that is up; another one if it fails. */
    private static Void create(
            HttpClient http,
            List<SampleInstance> instances,
            List<ReentrantReadWriteLock> gates,
            List<Boolean> up,
            int n,
            AtomicInteger failures)
            throws InterruptedException {
        for (int attempt = 0; attempt < 3 * instances.size(); attempt++) {
            int index = (n + attempt) % instances.size();
            ReentrantReadWriteLock.ReadLock gate = gates.get(index).readLock();
            gate.lock();
            try {
                SampleInstance instance;
                synchronized (up) {
                    if (!up.get(index)) {
                        continue;
                    }
                    instance = instances.get(index);
                }
                HttpResponse<String> response = http.send(
                        HttpRequest.newBuilder(instance.uri("/images"))
                                .timeout(Duration.ofSeconds(30))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"prompt\":\"chaos " + n + "\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 202) {
                    return null;
                }
                failures.incrementAndGet();
            } catch (IOException e) {
                failures.incrementAndGet();
            } finally {
                gate.unlock();
            }
        }
        throw new IllegalStateException("run " + n + " could not be created through any instance");
    }

    private static void createEffectsTable(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE " + EFFECTS + " (run_id VARCHAR(200) NOT NULL, instance VARCHAR(50),"
                    + " source VARCHAR(20), written_at TIMESTAMPTZ NOT NULL DEFAULT now())");
            statement.execute("CREATE FUNCTION chaos_effect_written() RETURNS trigger AS $$ BEGIN"
                    + " PERFORM pg_notify('" + CHANNEL + "', ''); RETURN NULL; END $$ LANGUAGE plpgsql");
            statement.execute("CREATE TRIGGER chaos_effect_written AFTER INSERT ON " + EFFECTS
                    + " FOR EACH STATEMENT EXECUTE FUNCTION chaos_effect_written()");
            statement.execute("LISTEN " + CHANNEL);
        }
    }

    /** Waits on the table's notifications until it holds {@code rows} rows. */
    private static void awaitRows(Connection watch, long rows, Duration timeout) throws SQLException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (rows(watch) < rows) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("fewer than " + rows + " effects after " + timeout);
            }
            watch.unwrap(PGConnection.class).getNotifications(1_000);
        }
    }

    /**
     * Waits until every run has an effect and the ledger is empty, or until no row came for {@code
     * quiet} while the ledger was empty (what mark-first loses never comes).
     */
    private static void awaitSettled(Connection watch, int runs, Duration quiet, Duration timeout) throws SQLException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long lastChange = System.nanoTime();
        long seen = -1;
        while (System.nanoTime() < deadline) {
            long distinct = count(watch, "SELECT count(DISTINCT run_id) FROM " + EFFECTS);
            long ledger = count(watch, "SELECT count(*) FROM " + LEDGER);
            if (distinct >= runs && ledger == 0) {
                return;
            }
            if (distinct != seen) {
                seen = distinct;
                lastChange = System.nanoTime();
            } else if (ledger == 0 && System.nanoTime() - lastChange > quiet.toNanos()) {
                return;
            }
            watch.unwrap(PGConnection.class).getNotifications(1_000);
        }
    }

    private static int openTransactions(Connection watch, String name) throws SQLException {
        return (int) count(
                watch,
                "SELECT count(*) FROM pg_stat_activity WHERE application_name = '" + name
                        + "' AND state LIKE 'idle in transaction%'");
    }

    private static Report report(
            Settings settings,
            Connection watch,
            List<String> created,
            int failures,
            int openAtKill,
            double seconds,
            List<String> events)
            throws SQLException {
        Map<String, Long> perRun = new LinkedHashMap<>();
        for (String id : created) {
            perRun.put(id, 0L);
        }
        try (Statement statement = watch.createStatement();
                ResultSet rows =
                        statement.executeQuery("SELECT run_id, count(*) FROM " + EFFECTS + " GROUP BY run_id")) {
            while (rows.next()) {
                perRun.merge(rows.getString(1), rows.getLong(2), Long::sum);
            }
        }
        int once = 0;
        int missing = 0;
        int duplicated = 0;
        for (long count : perRun.values()) {
            if (count == 1) {
                once++;
            } else if (count == 0) {
                missing++;
            } else {
                duplicated++;
            }
        }
        int marks = (int) count(watch, "SELECT count(*) FROM " + MARKS);
        int markedWithoutEffect = (int) count(
                watch,
                "SELECT count(*) FROM " + MARKS + " m WHERE NOT EXISTS (SELECT 1 FROM " + EFFECTS
                        + " e WHERE m.delivery_key LIKE 'run:' || e.run_id || ':%')");
        return new Report(
                settings,
                created.size(),
                failures,
                once,
                missing,
                duplicated,
                count(watch, "SELECT count(*) FROM " + EFFECTS),
                grouped(watch, "source"),
                grouped(watch, "instance"),
                openAtKill,
                marks,
                markedWithoutEffect,
                (int) count(watch, "SELECT count(*) FROM " + LEDGER),
                seconds,
                events);
    }

    private static Map<String, Long> grouped(Connection watch, String column) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Statement statement = watch.createStatement();
                ResultSet rows = statement.executeQuery("SELECT " + column + ", count(*) FROM " + EFFECTS + " GROUP BY "
                        + column + " ORDER BY " + column)) {
            while (rows.next()) {
                counts.put(rows.getString(1), rows.getLong(2));
            }
        }
        return counts;
    }

    private static long rows(Connection watch) throws SQLException {
        return count(watch, "SELECT count(*) FROM " + EFFECTS);
    }

    private static long count(Connection watch, String sql) throws SQLException {
        try (Statement statement = watch.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
