package io.runflow.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.runflow.RunflowApi;
import io.runflow.RunflowClient;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The LISTEN side of the wake-up on a real PostgreSQL: what it does when LISTEN cannot work. */
class PostgresWakeUpTest {

    private static EmbeddedPostgres postgres;

    private final RunflowClient client = RunflowClient.builder()
            .apiKey("wake")
            .transport(options -> (RunflowApi) Proxy.newProxyInstance(
                    RunflowApi.class.getClassLoader(), new Class<?>[] {RunflowApi.class}, (proxy, method, args) -> {
                        throw new UnsupportedOperationException(method.getName());
                    }))
            .build();

    @BeforeAll
    static void start() throws IOException {
        postgres = EmbeddedPostgres.start();
    }

    @AfterAll
    static void stop() throws IOException {
        postgres.close();
    }

    @Test
    @Timeout(30)
    void warnsOnceAndLeavesWaitsToPollingWhenListenDoesNotTake() throws Exception {
        DataSource dataSource = postgres.getPostgresDatabase();
        List<String> warnings = new CopyOnWriteArrayList<>();
        // As behind PgBouncer in transaction mode: the LISTEN runs on another server connection than
        // the check that follows it, which then finds no channel.
        PostgresWakeUp wakeUp = PostgresWakeUp.builder(
                        dataSource, () -> listenGoesElsewhere(dataSource.getConnection()))
                .client(client)
                .verifier(WebhookVerifier.builder().secret("whsec_wake").build())
                .warnings(warnings::add)
                .build();

        wakeUp.start();
        Thread listener = listenerThread();
        listener.join(20_000);

        assertThat(listener.isAlive()).isFalse();
        assertThat(wakeUp.listening()).isFalse();
        assertThat(warnings)
                .containsExactly("LISTEN runflow_callbacks did not take (a pooler in transaction mode, such as"
                        + " PgBouncer?): waits on this instance end by polling only");
        wakeUp.close();
    }

    private static Thread listenerThread() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().equals("runflow-pg-listen"))
                .findFirst()
                .orElseThrow();
    }

    /** A connection whose statements run every LISTEN as a no-op. */
    private static Connection listenGoesElsewhere(Connection real) {
        return (Connection) Proxy.newProxyInstance(
                Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    Object result = invoke(real, method, args);
                    if (method.getName().equals("createStatement") && result instanceof Statement statement) {
                        return Proxy.newProxyInstance(
                                Statement.class.getClassLoader(), new Class<?>[] {Statement.class}, (p, m, a) -> {
                                    if (m.getName().equals("execute")
                                            && a != null
                                            && a[0] instanceof String sql
                                            && sql.startsWith("LISTEN")) {
                                        return statement.execute("SELECT 1");
                                    }
                                    return invoke(statement, m, a);
                                });
                    }
                    return result;
                });
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
