package io.runflow.webhook;

import static io.runflow.internal.DurationChecks.positive;

import io.runflow.RunflowClient;
import io.runflow.model.Run;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * Ends waits on every instance when any instance receives a callback, through PostgreSQL's {@code
 * NOTIFY}. As a {@link CallbackRelay} of the {@link WebhookEndpoint}, it sends each verified callback
 * ({@code pg_notify} on {@link #CHANNEL}, with the signature and the body, on a connection of the data
 * source; once started, from a sender thread of its own, so that the endpoint's answer does not wait
 * for that round trip); its one listener thread ({@code LISTEN} on a dedicated connection with auto-commit, read
 * with a finite timeout, checked with {@code isValid} and reconnected) verifies what arrives with
 * the instance's own {@link WebhookVerifier} and offers it to the client's waits, which end at once.
 * Polling stays the backstop: after each reconnect every run with a wait in progress is read once,
 * in case its notification was missed. A body too long for a notification (about 8,000 bytes) is
 * sent as its run id, and the receiver reads the run when it waits on it.
 *
 * <p>When {@code LISTEN} cannot work (PgBouncer in transaction mode hands each statement to another
 * server connection: {@code pg_listening_channels()} is then empty right after {@code LISTEN}), the
 * listener logs one warning and stops; waits then end by polling, as without it.
 *
 * <pre>{@code
 * PostgresWakeUp wakeUp = PostgresWakeUp.builder(dataSource, () -> DriverManager.getConnection(url, user, pw))
 *         .client(runflow).verifier(verifier).build();
 * WebhookEndpoint endpoint = WebhookEndpoint.builder().verifier(verifier).relay(wakeUp).build();
 * wakeUp.start(); // and close() at shutdown
 * }</pre>
 */
public final class PostgresWakeUp implements CallbackRelay, AutoCloseable {

    /** The notification channel. */
    public static final String CHANNEL = "runflow_callbacks";

    private static final System.Logger LOG = System.getLogger(PostgresWakeUp.class.getName());
    /** PostgreSQL's limit is 8,000 bytes; the rest is the signature and a separator. */
    private static final int MAX_BODY = 7_800;
    /** At most this many signatures wait for their own notification; more are forgotten (and verified). */
    private static final int MAX_RELAYED = 4_096;
    /** Notifications waiting for the sender thread; past this the relaying thread sends its own. */
    private static final int MAX_QUEUED = 1_024;

    private final DataSource dataSource;
    private final ConnectionFactory listenConnection;
    private final RunflowClient client;
    private final WebhookVerifier verifier;
    private final Duration pollTimeout;
    private final Duration reconnectDelay;
    private final Consumer<String> warnings;
    private volatile boolean running;
    private volatile Thread thread;
    /** Sends the notifications once started; until then the relaying thread sends them itself. */
    private volatile ThreadPoolExecutor notifier;

    private volatile Connection current;
    private volatile int backendPid;
    private volatile boolean listening;
    /**
     * Signatures of the callbacks this instance relayed whose notification has not come back to its
     * own listener yet. Its own notifications are dropped unverified: the endpoint already offered
     * those callbacks to this instance's client before relaying them.
     */
    private final Set<String> relayedHere = ConcurrentHashMap.newKeySet();

    private PostgresWakeUp(Builder builder) {
        this.dataSource = builder.dataSource;
        this.listenConnection = builder.listenConnection;
        this.client = builder.client;
        this.verifier = builder.verifier;
        this.pollTimeout = builder.pollTimeout;
        this.reconnectDelay = builder.reconnectDelay;
        this.warnings = builder.warnings;
    }

    /**
     * Starts a configuration.
     *
     * @param dataSource where notifications are sent from (a pooled connection per callback)
     * @param listenConnection opens the listener's dedicated connection, not taken from a pool, for
     *     example {@code () -> DriverManager.getConnection(url, user, password)}
     * @return a new builder
     */
    public static Builder builder(DataSource dataSource, ConnectionFactory listenConnection) {
        return new Builder(dataSource, listenConnection);
    }

    /**
     * Sends a verified callback to every instance listening. A failure is logged, never thrown. Once
     * {@link #start() started}, the notification is queued for the sender thread and sent in order;
     * before that, or when 1,024 are already queued, or after {@link #close()}, it is sent on the
     * calling thread.
     *
     * @param callback the callback
     * @param rawBody its body
     * @param signature its signature header
     */
    @Override
    public void relay(Callback callback, byte[] rawBody, String signature) {
        boolean whole = rawBody.length <= MAX_BODY && signature != null;
        String payload = whole
                ? signature + "\n" + new String(rawBody, StandardCharsets.UTF_8)
                : (callback instanceof BatchCallback ? "batch:" : "run:") + callback.id();
        boolean remembered = whole && listening && remember(signature);
        ThreadPoolExecutor sender = notifier;
        if (sender == null) {
            send(callback, payload, remembered ? signature : null);
        } else {
            // Off the request's thread: the endpoint answers without waiting for the round trip. A full
            // queue (or a closed sender) makes the caller send it, as before the sender existed.
            sender.execute(() -> send(callback, payload, remembered ? signature : null));
        }
    }

    /** One pg_notify on a pooled connection; {@code remembered} is the signature noted for it, if any. */
    private void send(Callback callback, String payload, String remembered) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement notify = connection.prepareStatement("SELECT pg_notify(?, ?)")) {
            if (!connection.getAutoCommit()) {
                connection.setAutoCommit(true);
            }
            notify.setString(1, CHANNEL);
            notify.setString(2, payload);
            notify.execute();
        } catch (SQLException e) {
            if (remembered != null) {
                relayedHere.remove(remembered);
            }
            LOG.log(
                    System.Logger.Level.WARNING,
                    "pg_notify for " + callback + " failed (SQLState " + e.getSQLState() + "); other instances'"
                            + " waits end by polling");
        }
    }

    /**
     * Starts the listener thread and the sender thread.
     *
     * @return this
     */
    public synchronized PostgresWakeUp start() {
        if (thread == null) {
            running = true;
            ThreadPoolExecutor sender = new ThreadPoolExecutor(
                    1,
                    1,
                    0,
                    TimeUnit.MILLISECONDS,
                    new ArrayBlockingQueue<>(MAX_QUEUED),
                    runnable -> {
                        Thread notifying = new Thread(runnable, "runflow-pg-notify");
                        notifying.setDaemon(true);
                        return notifying;
                    },
                    (task, executor) -> task.run());
            notifier = sender;
            Thread started = new Thread(this::listen, "runflow-pg-listen");
            started.setDaemon(true);
            thread = started;
            started.start();
        }
        return this;
    }

    /**
     * Tells whether the listener holds a connection that is {@code LISTEN}ing now.
     *
     * @return true while listening
     */
    public boolean listening() {
        return listening;
    }

    /**
     * Returns the server process id of the current {@code LISTEN} connection, for diagnostics (and
     * tests that cut it off with {@code pg_terminate_backend}).
     *
     * @return the process id, 0 before the first connection
     */
    public int backendPid() {
        return backendPid;
    }

    private void listen() {
        boolean first = true;
        while (running) {
            Connection connection = null;
            try {
                connection = listenConnection.open();
                connection.setAutoCommit(true);
                current = connection;
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                    try (ResultSet pid = statement.executeQuery("SELECT pg_backend_pid()")) {
                        pid.next();
                        backendPid = pid.getInt(1);
                    }
                    try (ResultSet channels = statement.executeQuery(
                            "SELECT 1 FROM pg_listening_channels() c WHERE c = '" + CHANNEL + "'")) {
                        if (!channels.next()) {
                            warnings.accept("LISTEN " + CHANNEL + " did not take (a pooler in transaction mode, such"
                                    + " as PgBouncer?): waits on this instance end by polling only");
                            running = false;
                            return;
                        }
                    }
                }
                listening = true;
                if (!first) {
                    recheckPendingWaits();
                }
                first = false;
                Method getNotifications = pgConnection().getMethod("getNotifications", int.class);
                Object pg = connection.unwrap(pgConnection());
                Method getParameter = Class.forName(
                                "org.postgresql.PGNotification", false, PostgresWakeUp.class.getClassLoader())
                        .getMethod("getParameter");
                while (running && connection.isValid(5)) {
                    Object[] notifications = (Object[]) getNotifications.invoke(pg, (int) pollTimeout.toMillis());
                    if (notifications != null) {
                        for (Object notification : notifications) {
                            received((String) getParameter.invoke(notification));
                        }
                    }
                }
            } catch (SQLException | ReflectiveOperationException | RuntimeException e) {
                if (running) {
                    LOG.log(
                            System.Logger.Level.WARNING,
                            "The LISTEN connection failed (" + cause(e) + "); reconnecting in " + reconnectDelay);
                }
            } finally {
                listening = false;
                unlistenQuietly(connection);
                closeQuietly(connection);
            }
            if (running) {
                try {
                    Thread.sleep(reconnectDelay.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Notes a signature this instance relays; false when too many are pending (then it is verified). */
    private boolean remember(String signature) {
        if (relayedHere.size() >= MAX_RELAYED) {
            // Notifications lost while the listener was down never come back to remove theirs.
            relayedHere.clear();
        }
        return relayedHere.add(signature);
    }

    private void received(String payload) {
        int newline = payload.indexOf('\n');
        try {
            if (newline > 0 && !relayedHere.isEmpty() && relayedHere.remove(payload.substring(0, newline))) {
                // This instance's own: its endpoint offered the callback to the client already.
                return;
            }
            if (newline > 0) {
                Callback callback = verifier.verify(
                        payload.substring(newline + 1).getBytes(StandardCharsets.UTF_8), payload.substring(0, newline));
                if (callback instanceof RunCallback run) {
                    client.callbacks().accept(run.toRun());
                } else if (callback instanceof BatchCallback batch) {
                    client.callbacks().acceptBatch(batch.toBatch());
                }
            } else if (payload.startsWith("run:")) {
                String runId = payload.substring(4);
                if (client.callbacks().pendingRunIds().contains(runId)) {
                    client.callbacks().accept(client.runs().get(runId));
                }
            }
        } catch (WebhookVerificationException e) {
            LOG.log(System.Logger.Level.WARNING, "A notification on " + CHANNEL + " failed verification; ignored");
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "A notification could not be handled; polling goes on", e);
        }
    }

    /** Notifications sent while the connection was down are lost: read each waited-on run once. */
    private void recheckPendingWaits() {
        for (String runId : client.callbacks().pendingRunIds()) {
            try {
                Run run = client.runs().get(runId);
                if (run.isTerminal()) {
                    client.callbacks().accept(run);
                }
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.DEBUG, "Run " + runId + " could not be re-checked; polling goes on", e);
            }
        }
    }

    private static Class<?> pgConnection() throws ClassNotFoundException {
        return Class.forName("org.postgresql.PGConnection", false, PostgresWakeUp.class.getClassLoader());
    }

    private static String cause(Exception e) {
        Throwable t = e instanceof InvocationTargetException ite && ite.getCause() != null ? ite.getCause() : e;
        return t instanceof SQLException sql
                ? "SQLState " + sql.getSQLState()
                : t.getClass().getSimpleName();
    }

    /** A connection that goes back to a pool must not keep collecting notifications nobody reads. */
    private static void unlistenQuietly(Connection connection) {
        if (connection != null) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("UNLISTEN *");
            } catch (SQLException ignored) {
                // A broken connection listens to nothing any more.
            }
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // Already broken: that is why it is being closed.
            }
        }
    }

    /** Sends what is queued (waiting at most 5 seconds), stops the listener thread and closes its connection. */
    @Override
    public void close() {
        running = false;
        ThreadPoolExecutor sender = notifier;
        if (sender != null) {
            // What was relayed before close is still sent; relays after it are sent by their caller.
            sender.shutdown();
            try {
                sender.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Thread stopping = thread;
        closeQuietly(current);
        if (stopping != null) {
            stopping.interrupt();
        }
    }

    @Override
    public String toString() {
        return "PostgresWakeUp[channel=" + CHANNEL + ", listening=" + listening + "]";
    }

    /** Opens a connection that belongs to the caller alone. */
    @FunctionalInterface
    public interface ConnectionFactory {
        /**
         * Opens a new connection.
         *
         * @return the connection
         * @throws SQLException if it cannot be opened
         */
        Connection open() throws SQLException;
    }

    /** Configures a {@link PostgresWakeUp}. */
    public static final class Builder {
        private final DataSource dataSource;
        private final ConnectionFactory listenConnection;
        private RunflowClient client;
        private WebhookVerifier verifier;
        private Duration pollTimeout = Duration.ofMillis(500);
        private Duration reconnectDelay = Duration.ofSeconds(1);
        private Consumer<String> warnings = message -> LOG.log(System.Logger.Level.WARNING, message);

        private Builder(DataSource dataSource, ConnectionFactory listenConnection) {
            this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
            this.listenConnection = Objects.requireNonNull(listenConnection, "listenConnection");
        }

        /**
         * Sets the client whose waits notifications end (required).
         *
         * @param client the client
         * @return this builder
         */
        public Builder client(RunflowClient client) {
            this.client = Objects.requireNonNull(client, "client");
            return this;
        }

        /**
         * Sets the verifier that checks each notification's signature (required).
         *
         * @param verifier the verifier, with the callback secrets
         * @return this builder
         */
        public Builder verifier(WebhookVerifier verifier) {
            this.verifier = Objects.requireNonNull(verifier, "verifier");
            return this;
        }

        /**
         * Sets how long one read of notifications blocks before the connection is checked again.
         *
         * @param pollTimeout positive; default 500 ms
         * @return this builder
         */
        public Builder pollTimeout(Duration pollTimeout) {
            this.pollTimeout = positive(pollTimeout, "pollTimeout");
            return this;
        }

        /**
         * Sets the pause before reconnecting a lost connection.
         *
         * @param reconnectDelay positive; default 1 s
         * @return this builder
         */
        public Builder reconnectDelay(Duration reconnectDelay) {
            this.reconnectDelay = positive(reconnectDelay, "reconnectDelay");
            return this;
        }

        /**
         * Sets where the one warning goes when {@code LISTEN} cannot work, for tests.
         *
         * @param warnings the receiver; default the logger at WARNING
         * @return this builder
         */
        public Builder warnings(Consumer<String> warnings) {
            this.warnings = Objects.requireNonNull(warnings, "warnings");
            return this;
        }

        /**
         * Builds it; nothing is opened before {@link PostgresWakeUp#start()}.
         *
         * @return the wake-up
         * @throws IllegalStateException without a client or a verifier
         */
        public PostgresWakeUp build() {
            if (client == null || verifier == null) {
                throw new IllegalStateException("client and verifier are required");
            }
            return new PostgresWakeUp(this);
        }
    }
}
