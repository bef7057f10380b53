package io.runflow.webhook;

import static io.runflow.webhook.SignedCallbacks.batch;
import static io.runflow.webhook.SignedCallbacks.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import javax.sql.DataSource;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** What needs no database: configuration, the stored keys, and how failures are reported. */
class JdbcCallbackDeduplicatorTest {

    private static final SQLException REFUSED = new SQLTransientConnectionException(
            "Connection to db.internal:5432 refused (user orders_app, password s3cret-hunter2)", "08001");

    private final DataSource down = TestDataSources.failing(REFUSED);

    @Test
    void describesItsTableAndRetentionButNotItsDataSource() {
        assertThat(JdbcCallbackDeduplicator.builder(down).build())
                .hasToString("JdbcCallbackDeduplicator[table=runflow_callback_deliveries, retention=PT168H]");
        assertThat(JdbcCallbackDeduplicator.builder(down)
                        .tableName("app.deliveries")
                        .retention(Duration.ofHours(36))
                        .build())
                .hasToString("JdbcCallbackDeduplicator[table=app.deliveries, retention=PT36H]");
    }

    @Test
    void givesTheStatementThatCreatesItsTable() {
        assertThat(JdbcCallbackDeduplicator.builder(down).build().ddl())
                .isEqualTo("CREATE TABLE IF NOT EXISTS runflow_callback_deliveries (\n"
                        + "    delivery_key VARCHAR(300) NOT NULL PRIMARY KEY,\n"
                        + "    first_seen TIMESTAMP NOT NULL\n"
                        + ")");
        assertThat(JdbcCallbackDeduplicator.builder(down)
                        .tableName("app.deliveries")
                        .build()
                        .ddl())
                .startsWith("CREATE TABLE IF NOT EXISTS app.deliveries (\n");
    }

    @Test
    void acceptsPlainAndSchemaQualifiedTableNamesUpToSixtyThreeCharacters() {
        for (String name :
                new String[] {"deliveries", "_d", "App_2.Deliveries_3", "a".repeat(63) + "." + "b".repeat(63)}) {
            assertThat(JdbcCallbackDeduplicator.builder(down).tableName(name).build())
                    .hasToString("JdbcCallbackDeduplicator[table=" + name + ", retention=PT168H]");
        }
    }

    @Test
    void rejectsATableNameThatIsNotAPlainIdentifier() {
        for (String name : new String[] {
            "",
            "deliveries; DROP TABLE users",
            "deliveries--",
            "\"deliveries\"",
            "my deliveries",
            "1deliveries",
            "a.b.c",
            ".deliveries",
            "deliveries.",
            "délivrances",
            "a".repeat(64)
        }) {
            assertThatIllegalArgumentException()
                    .as(name)
                    .isThrownBy(() -> JdbcCallbackDeduplicator.builder(down).tableName(name))
                    .withMessage("tableName must be a plain SQL identifier, optionally schema-qualified, got \"" + name
                            + "\"");
        }
    }

    @Test
    void rejectsANonPositiveRetention() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> JdbcCallbackDeduplicator.builder(down).retention(Duration.ZERO))
                .withMessage("retention must be positive, got PT0S");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> JdbcCallbackDeduplicator.builder(down).retention(Duration.ofSeconds(-1)))
                .withMessage("retention must be positive, got PT-1S");
    }

    @Test
    void rejectsNullArgumentsAtOnce() {
        JdbcCallbackDeduplicator.Builder builder = JdbcCallbackDeduplicator.builder(down);
        JdbcCallbackDeduplicator deduplicator = builder.build();

        assertNullRejected(() -> JdbcCallbackDeduplicator.builder(null), "dataSource");
        assertNullRejected(() -> builder.tableName(null), "tableName");
        assertNullRejected(() -> builder.retention(null), "retention");
        assertNullRejected(() -> builder.clock(null), "clock");
        assertNullRejected(() -> deduplicator.firstDelivery(null), "callback");
        assertNullRejected(() -> deduplicator.release(null), "callback");
    }

    @Test
    void storesShortKeysAsTheyAreAndLongerOnesAsTheirHash() {
        // "run:" + id + ":run.completed" is 4 + id + 14 characters.
        String longest = "r".repeat(JdbcCallbackDeduplicator.MAX_KEY_LENGTH - 18);

        assertThat(JdbcCallbackDeduplicator.storedKey(run("run-1", "run.completed")))
                .isEqualTo("run:run-1:run.completed");
        assertThat(JdbcCallbackDeduplicator.storedKey(batch("b-1", "batch.succeeded")))
                .isEqualTo("batch:b-1:batch.succeeded");
        assertThat(JdbcCallbackDeduplicator.storedKey(run(longest, "run.completed")))
                .hasSize(300)
                .isEqualTo(CallbackDeduplicator.keyOf(run(longest, "run.completed")));
        assertThat(JdbcCallbackDeduplicator.storedKey(run(longest + "r", "run.completed")))
                .hasSize(71)
                .matches("sha256:[0-9a-f]{64}")
                .isNotEqualTo(JdbcCallbackDeduplicator.storedKey(run(longest + "s", "run.completed")));
    }

    @Test
    void takesOnlyAUniqueKeyViolationForARepeat() {
        assertThat(JdbcCallbackDeduplicator.isDuplicateKey(new SQLException("duplicate key", "23505")))
                .as("PostgreSQL, H2")
                .isTrue();
        assertThat(JdbcCallbackDeduplicator.isDuplicateKey(new SQLException("Duplicate entry", "23000", 1062)))
                .as("MySQL")
                .isTrue();
        assertThat(JdbcCallbackDeduplicator.isDuplicateKey(new SQLIntegrityConstraintViolationException("dup")))
                .as("no SQLState")
                .isTrue();
        assertThat(JdbcCallbackDeduplicator.isDuplicateKey(new SQLException("cannot be null", "23000", 1048)))
                .as("MySQL NOT NULL")
                .isFalse();
        assertThat(JdbcCallbackDeduplicator.isDuplicateKey(
                        new SQLIntegrityConstraintViolationException("null value", "23502")))
                .as("NOT NULL")
                .isFalse();
        assertThat(JdbcCallbackDeduplicator.isDuplicateKey(new SQLException("refused", "08001")))
                .isFalse();
    }

    @Test
    void takesTheVendorCodesOfADuplicateKeyUnderTheSharedState() {
        assertThat(JdbcCallbackDeduplicator.isDuplicateKey(new SQLException("unique constraint", "23000", 1)))
                .as("Oracle")
                .isTrue();
        assertThat(JdbcCallbackDeduplicator.isDuplicateKey(new SQLException("PRIMARY KEY", "23000", 2627)))
                .as("SQL Server, constraint")
                .isTrue();
        assertThat(JdbcCallbackDeduplicator.isDuplicateKey(new SQLException("unique index", "23000", 2601)))
                .as("SQL Server, index")
                .isTrue();
        assertThat(JdbcCallbackDeduplicator.isDuplicateKey(new SQLException("duplicate key", "23505", 2627)))
                .isTrue();
        assertThat(JdbcCallbackDeduplicator.isDuplicateKey(new SQLException("some failure")))
                .as("no SQLState, not an integrity violation")
                .isFalse();
    }

    @Test
    void reportsADatabaseThatCannotBeReachedWithoutTheDriversMessage() {
        JdbcCallbackDeduplicator deduplicator =
                JdbcCallbackDeduplicator.builder(down).build();

        CallbackDeduplicationException failure = catchThrowableOfType(
                CallbackDeduplicationException.class, () -> deduplicator.firstDelivery(run("run-1", "run.completed")));

        assertThat(failure)
                .hasMessage("JdbcCallbackDeduplicator.firstDelivery on runflow_callback_deliveries failed: "
                        + "SQLState 08001 (SQLTransientConnectionException)")
                .hasCause(REFUSED)
                .isInstanceOf(io.runflow.errors.RunflowException.class);
        assertThat(failure.getMessage()).doesNotContain("db.internal", "orders_app", "hunter2");
    }

    @Test
    void namesTheOperationThatFailed() {
        JdbcCallbackDeduplicator deduplicator = JdbcCallbackDeduplicator.builder(down)
                .tableName("app.deliveries")
                .build();

        assertFailure(() -> deduplicator.release(run("run-1", "run.completed")), "release");
        assertFailure(deduplicator::purgeExpired, "purgeExpired");
        assertFailure(deduplicator::createTableIfMissing, "createTableIfMissing");
    }

    @Test
    void saysSoWhenTheDriverGaveNoSqlState() {
        JdbcCallbackDeduplicator deduplicator = JdbcCallbackDeduplicator.builder(
                        TestDataSources.failing(new SQLException("pool closed")))
                .build();

        CallbackDeduplicationException failure =
                catchThrowableOfType(CallbackDeduplicationException.class, deduplicator::purgeExpired);

        assertThat(failure)
                .hasMessage("JdbcCallbackDeduplicator.purgeExpired on runflow_callback_deliveries failed: "
                        + "no SQLState (SQLException)");
    }

    private static void assertFailure(ThrowingCallable call, String operation) {
        CallbackDeduplicationException failure = catchThrowableOfType(CallbackDeduplicationException.class, call);
        assertThat(failure)
                .hasMessage("JdbcCallbackDeduplicator." + operation + " on app.deliveries failed: "
                        + "SQLState 08001 (SQLTransientConnectionException)");
    }

    private static void assertNullRejected(ThrowingCallable call, String name) {
        assertThatNullPointerException().isThrownBy(call).withMessage(name);
    }
}
