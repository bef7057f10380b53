package io.runflow.webhook;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/** Data sources that misbehave on purpose, wrapped around a real one or around nothing. */
final class TestDataSources {

    private TestDataSources() {}

    /** A database that cannot be reached: every connection attempt throws {@code failure}. */
    static DataSource failing(SQLException failure) {
        return new Base() {
            @Override
            public Connection getConnection() throws SQLException {
                throw failure;
            }
        };
    }

    /** Hands out {@code pool}'s connections with auto-commit switched off, as some pools do. */
    static DataSource autoCommitOff(DataSource pool) {
        return new Base() {
            @Override
            public Connection getConnection() throws SQLException {
                Connection connection = pool.getConnection();
                connection.setAutoCommit(false);
                return connection;
            }
        };
    }

    private abstract static class Base implements DataSource {

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            throw new SQLFeatureNotSupportedException("the deduplicator never passes credentials");
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {}

        @Override
        public void setLoginTimeout(int seconds) {}

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return false;
        }
    }
}
