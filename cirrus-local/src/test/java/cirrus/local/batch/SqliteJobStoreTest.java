package cirrus.local.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link SqliteJobStore} honours the {@link JobStore} contract in a real SQLite file. */
class SqliteJobStoreTest extends JobStoreContractTest {
    @TempDir Path dir;

    @Override
    protected JobStore create() {
        return SqliteJobStore.open(dir.resolve("state.db"));
    }

    @Override
    protected JobStore reopen(JobStore store) {
        store.close();
        return SqliteJobStore.open(dir.resolve("state.db"));
    }

    @Test
    void schemaIsVersionedAndMigratedOnce() throws SQLException {
        SqliteJobStore.open(dir.resolve("other.db")).close();
        SqliteJobStore.open(dir.resolve("other.db")).close();
        try (var connection =
                        DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("other.db"));
                var statement = connection.createStatement();
                ResultSet rows =
                        statement.executeQuery("SELECT version FROM batch_schema_version")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getInt(1)).isEqualTo(1);
            assertThat(rows.next()).as("one row per applied migration").isFalse();
        }
    }

    @Test
    void coexistsWithOtherTablesInTheSameFile() throws SQLException {
        Path file = dir.resolve("shared.db");
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                var statement = connection.createStatement()) {
            statement.execute("CREATE TABLE payloads (id TEXT PRIMARY KEY)");
            statement.execute("INSERT INTO payloads VALUES ('p1')");
        }
        try (JobStore store = SqliteJobStore.open(file)) {
            store.put(Jobs.job("a", 1, "q", JobStatus.RUNNABLE));
        }
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                var statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM payloads")) {
            assertThat(rows.getInt(1)).isEqualTo(1);
        }
    }
}
