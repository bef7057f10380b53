package io.runflow.benchmarks.webhook.spring;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@link WebhookApp} running on loopback, with its embedded PostgreSQL for the JDBC store. */
final class RunningApp implements AutoCloseable {

    final WebhookApp.Store store;
    private final EmbeddedPostgres postgres;
    private final ConfigurableApplicationContext context;
    private final int port;

    private RunningApp(WebhookApp.Store store, EmbeddedPostgres postgres, ConfigurableApplicationContext context) {
        this.store = store;
        this.postgres = postgres;
        this.context = context;
        this.port = ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    static RunningApp start(WebhookApp.Store store) {
        EmbeddedPostgres postgres = null;
        try {
            String url = null;
            if (store == WebhookApp.Store.JDBC) {
                postgres = EmbeddedPostgres.builder().start();
                url = "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres";
            }
            ConfigurableApplicationContext context = WebhookApp.start(store, url);
            if (store == WebhookApp.Store.JDBC) {
                BareEndpoints.createTable(context.getBean(JdbcTemplate.class));
            }
            return new RunningApp(store, postgres, context);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException | Error e) {
            closeQuietly(postgres);
            throw e;
        }
    }

    URI runflowUri() {
        return uri(WebhookApp.RUNFLOW_PATH);
    }

    URI bareUri() {
        return uri(store.barePath);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** Run callbacks the starter handed to the application's listener. */
    long delivered() {
        return context.getBean(DeliveredCallbacks.class).count();
    }

    /** Rows in a table of the database (JDBC store only). */
    long rows(String table) {
        Long count = context.getBean(JdbcTemplate.class).queryForObject("SELECT count(*) FROM " + table, Long.class);
        return count == null ? 0 : count;
    }

    @Override
    public void close() {
        try {
            context.close();
        } finally {
            closeQuietly(postgres);
        }
    }

    private static void closeQuietly(EmbeddedPostgres postgres) {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                // a temporary directory left behind
            }
        }
    }
}
