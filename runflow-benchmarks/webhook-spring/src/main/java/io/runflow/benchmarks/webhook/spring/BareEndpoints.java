package io.runflow.benchmarks.webhook.spring;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * P6's yardsticks, what an application would write without the SDK: read the body and answer 200;
 * with a database, one {@code INSERT} of a unique key (the request's signature header) into a table
 * of the same shape as the starter's marks, on the same pool.
 */
@RestController
class BareEndpoints {

    static final String MEMORY_PATH = "/bare/memory";
    static final String JDBC_PATH = "/bare/jdbc";

    /** The bare endpoint's table: the shape of {@code runflow_callback_deliveries}. */
    static final String TABLE = "bare_deliveries";

    private final ObjectProvider<JdbcTemplate> jdbc;

    BareEndpoints(ObjectProvider<JdbcTemplate> jdbc) {
        this.jdbc = jdbc;
    }

    @PostMapping(MEMORY_PATH)
    ResponseEntity<Void> memory(@RequestBody byte[] body) {
        return body.length > 0
                ? ResponseEntity.ok().build()
                : ResponseEntity.badRequest().build();
    }

    @PostMapping(JDBC_PATH)
    ResponseEntity<Void> jdbc(@RequestBody byte[] body, @RequestHeader("Runflow-Signature") String key) {
        if (body.length == 0) {
            return ResponseEntity.badRequest().build();
        }
        jdbc.getObject()
                .update(
                        "INSERT INTO " + TABLE + " (delivery_key, first_seen) VALUES (?, ?)",
                        key,
                        LocalDateTime.now(ZoneOffset.UTC));
        return ResponseEntity.ok().build();
    }

    /** Creates the bare endpoint's table. */
    static void createTable(JdbcTemplate jdbc) {
        jdbc.execute("CREATE TABLE IF NOT EXISTS " + TABLE
                + " (delivery_key VARCHAR(300) NOT NULL PRIMARY KEY, first_seen TIMESTAMP NOT NULL)");
    }
}
