package io.runflow.benchmarks.webhook.spring;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * P6's Spring Boot app: one Tomcat serving the starter's webhook route ({@value #RUNFLOW_PATH}) next
 * to the bare {@code @PostMapping}s of {@link BareEndpoints}. With the memory store it has no
 * DataSource; with the JDBC store the starter's marks and the bare endpoint's {@code INSERT} go to the
 * same PostgreSQL through the same pool.
 */
@SpringBootApplication
public class WebhookApp {

    /** The starter's route. */
    static final String RUNFLOW_PATH = "/runflow/webhook";

    /** The callbacks' signing secret. */
    static final String SECRET = "whsec_webhook_benchmark_0123456789";

    /** Where callbacks are de-duplicated. */
    enum Store {
        MEMORY("memory", BareEndpoints.MEMORY_PATH),
        JDBC("jdbc", BareEndpoints.JDBC_PATH);

        final String label;
        /** The bare endpoint this store's Runflow route is measured against. */
        final String barePath;

        Store(String label, String barePath) {
            this.label = label;
            this.barePath = barePath;
        }

        static Store of(String label) {
            for (Store store : values()) {
                if (store.label.equals(label)) {
                    return store;
                }
            }
            throw new IllegalArgumentException("store must be memory or jdbc, got " + label);
        }
    }

    /**
     * Starts the app on a free loopback port.
     *
     * @param store the store of the starter's marks
     * @param jdbcUrl the PostgreSQL database for {@link Store#JDBC}, else ignored
     * @return the running context
     */
    static ConfigurableApplicationContext start(Store store, String jdbcUrl) {
        List<String> properties = new ArrayList<>(List.of(
                "server.port=0",
                "server.address=127.0.0.1",
                // Keep-alive for the whole run (Tomcat closes a connection after 100 requests by default).
                "server.tomcat.max-keep-alive-requests=-1",
                "spring.main.banner-mode=off",
                "logging.level.root=warn",
                // The starter as an application that receives callbacks has it: the client (never
                // called here: callbacks only end its waits) and the webhook endpoint.
                "runflow.api-key=rf_webhook_benchmark",
                "runflow.base-url=http://127.0.0.1:9/v1",
                "runflow.webhook.secrets=" + SECRET,
                "runflow.webhook.path=" + RUNFLOW_PATH,
                "runflow.webhook.dedup=" + store.label));
        if (store == Store.JDBC) {
            properties.add("spring.datasource.url=" + jdbcUrl);
            properties.add("spring.datasource.username=postgres");
        } else {
            properties.add("spring.autoconfigure.exclude="
                    + "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration");
        }
        return new SpringApplicationBuilder(WebhookApp.class)
                .logStartupInfo(false)
                .properties(properties.toArray(String[]::new))
                .run();
    }
}
