package cirrus.local.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

import cirrus.runtime.port.StoreException;

/**
 * One SQLite file shared by the local state store, queues and topics: WAL journal, a busy timeout
 * so that several processes can use it at once, and versioned schema migrations ({@code
 * V<n>__<name>.sql} resources) applied on open.
 *
 * <p>Within a process all access goes through one connection guarded by a lock; across processes
 * SQLite's file locks serialise writers. Every write runs in a {@code BEGIN IMMEDIATE} transaction,
 * so a read-check-write sequence (a claim) is atomic across processes too.
 */
public final class SqliteDatabase implements AutoCloseable {
    /** The migrations in order; each runs once, recorded in {@code schema_version}. */
    static final List<String> MIGRATIONS = List.of("V1__state_queue_topic.sql");

    private static final int BUSY_TIMEOUT_MS = 30_000;

    private final Path file;
    private final Connection connection;
    private final ReentrantLock lock = new ReentrantLock();

    private SqliteDatabase(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    /** Work done inside a transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /**
     * Opens (creating if needed) the database file and brings its schema up to date.
     *
     * @throws StoreException when the file cannot be opened or migrated
     */
    public static SqliteDatabase open(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MS);
                s.execute("PRAGMA journal_mode = WAL");
                s.execute("PRAGMA synchronous = NORMAL");
                s.execute("PRAGMA foreign_keys = ON");
            }
            c.setAutoCommit(true);
            SqliteDatabase db = new SqliteDatabase(file, c);
            db.migrate();
            return db;
        } catch (SQLException | IOException e) {
            throw new StoreException(
                    "cannot open SQLite database " + file + ": " + e.getMessage(), e);
        }
    }

    /** The database file. */
    public Path file() {
        return file;
    }

    /** Runs {@code work} in a write transaction ({@code BEGIN IMMEDIATE}), committing on return. */
    public <T> T write(Work<T> work) {
        return transaction("BEGIN IMMEDIATE", work);
    }

    /** Runs {@code work} in a read transaction (a consistent snapshot). */
    public <T> T read(Work<T> work) {
        return transaction("BEGIN DEFERRED", work);
    }

    private <T> T transaction(String begin, Work<T> work) {
        lock.lock();
        try (Statement s = connection.createStatement()) {
            // the connection stays in auto-commit mode; the transaction is explicit SQL
            s.execute(begin);
            try {
                T result = work.run(connection);
                s.execute("COMMIT");
                return result;
            } catch (SQLException | RuntimeException e) {
                try {
                    s.execute("ROLLBACK");
                } catch (SQLException suppressed) {
                    e.addSuppressed(suppressed);
                }
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("SQLite " + file + ": " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    private void migrate() throws SQLException, IOException {
        write(
                c -> {
                    try (Statement s = c.createStatement()) {
                        s.execute(
                                "CREATE TABLE IF NOT EXISTS schema_version"
                                        + " (version INTEGER PRIMARY KEY, name TEXT NOT NULL,"
                                        + " applied_at TEXT NOT NULL)");
                    }
                    int current = 0;
                    try (Statement s = c.createStatement();
                            ResultSet rs =
                                    s.executeQuery("SELECT MAX(version) FROM schema_version")) {
                        if (rs.next()) {
                            current = rs.getInt(1);
                        }
                    }
                    if (current > MIGRATIONS.size()) {
                        throw new SQLException(
                                "schema version "
                                        + current
                                        + " is newer than this cirrus ("
                                        + MIGRATIONS.size()
                                        + "); upgrade cirrus");
                    }
                    for (int v = current + 1; v <= MIGRATIONS.size(); v++) {
                        String name = MIGRATIONS.get(v - 1);
                        for (String sql : statements(load(name))) {
                            try (Statement s = c.createStatement()) {
                                s.execute(sql);
                            }
                        }
                        try (PreparedStatement p =
                                c.prepareStatement(
                                        "INSERT INTO schema_version VALUES (?, ?,"
                                                + " strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))")) {
                            p.setInt(1, v);
                            p.setString(2, name);
                            p.executeUpdate();
                        }
                    }
                    return null;
                });
    }

    private static String load(String name) throws SQLException {
        String resource = "migrations/" + name;
        try (InputStream in = SqliteDatabase.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new SQLException("missing migration resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SQLException("cannot read migration " + resource, e);
        }
    }

    /** Splits a migration into statements at {@code ;} line ends, dropping {@code --} comments. */
    static List<String> statements(String script) {
        StringBuilder current = new StringBuilder();
        List<String> out = new ArrayList<>();
        for (String line : script.split("\n")) {
            String code = line.contains("--") ? line.substring(0, line.indexOf("--")) : line;
            current.append(code).append('\n');
            if (code.strip().endsWith(";")) {
                out.add(current.toString().strip());
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            out.add(current.toString().strip());
        }
        return out;
    }

    @Override
    public void close() {
        lock.lock();
        try {
            connection.close();
        } catch (SQLException e) {
            throw new StoreException("cannot close " + file + ": " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }
}
