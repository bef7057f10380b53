package io.runflow.webhook;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class JdbcCallbackDeduplicatorH2Test extends JdbcCallbackDeduplicatorContract {

    private static final String URL = "jdbc:h2:mem:runflow_dedup;DB_CLOSE_DELAY=-1";

    private static JdbcConnectionPool pool;
    private static JdbcConnectionPool otherPool;

    @BeforeAll
    static void openTwoPools() {
        pool = newPool();
        otherPool = newPool();
    }

    @AfterAll
    static void dropTheDatabase() throws SQLException {
        try (Connection connection = pool.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        } finally {
            pool.dispose();
            otherPool.dispose();
        }
    }

    private static JdbcConnectionPool newPool() {
        JdbcConnectionPool created = JdbcConnectionPool.create(URL, "sa", "");
        created.setMaxConnections(8);
        return created;
    }

    @Override
    DataSource pool() {
        return pool;
    }

    @Override
    DataSource otherPool() {
        return otherPool;
    }

    @Override
    String databaseName() {
        return "H2";
    }

    @Override
    String missingTableFailure() {
        // H2 says 42S04 rather than 42S02 when the database holds no table at all, as here.
        return "SQLState 42S04 (JdbcSQLSyntaxErrorException)";
    }

    @Override
    String notNullFailure() {
        return "SQLState 23502 (JdbcSQLIntegrityConstraintViolationException)";
    }
}
