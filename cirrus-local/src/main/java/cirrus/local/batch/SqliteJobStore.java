package cirrus.local.batch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A {@link JobStore} in a SQLite file (WAL journal): tables {@code batch_jobs} and {@code
 * batch_job_definitions}, created by the versioned migrations under {@code cirrus/local/batch/db/}
 * and tracked in {@code batch_schema_version}, so the file can be shared with the engine's other
 * tables. Each record is stored as JSON next to the columns used to filter it. Thread-safe.
 */
public final class SqliteJobStore implements JobStore {
    private static final List<String> MIGRATIONS = List.of("V1__batch_jobs.sql");
    private static final ObjectMapper JSON =
            new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Connection connection;

    private SqliteJobStore(Connection connection) {
        this.connection = connection;
    }

    /** Opens (creating if needed) the store in this file and brings its schema up to date. */
    public static SqliteJobStore open(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
            try (Statement statement = connection.createStatement()) {
                statement.execute("PRAGMA busy_timeout = 10000");
                statement.execute("PRAGMA journal_mode = WAL");
                statement.execute("PRAGMA synchronous = NORMAL");
            }
            migrate(connection);
            return new SqliteJobStore(connection);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "cannot open the Batch job store " + file + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void put(Job job) {
        try (PreparedStatement insert = connection.prepareStatement(UPSERT_JOB)) {
            bindJob(insert, job);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw failure("store job " + job.jobId(), e);
        }
    }

    @Override
    public synchronized void putAll(List<Job> jobs) {
        if (jobs.isEmpty()) {
            return;
        }
        try {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(UPSERT_JOB)) {
                for (Job job : jobs) {
                    bindJob(insert, job);
                    insert.addBatch();
                }
                insert.executeBatch();
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failure("store " + jobs.size() + " jobs", e);
        }
    }

    @Override
    public synchronized Optional<Job> get(String jobId) {
        try (PreparedStatement query =
                connection.prepareStatement("SELECT detail FROM batch_jobs WHERE job_id = ?")) {
            query.setString(1, jobId);
            List<Job> jobs = jobs(query);
            return jobs.isEmpty() ? Optional.empty() : Optional.of(jobs.get(0));
        } catch (SQLException e) {
            throw failure("read job " + jobId, e);
        }
    }

    @Override
    public synchronized List<Job> list(String jobQueue, Set<JobStatus> statuses, int limit) {
        StringBuilder sql = new StringBuilder("SELECT detail FROM batch_jobs WHERE 1 = 1");
        if (jobQueue != null) {
            sql.append(" AND job_queue = ?");
        }
        if (!statuses.isEmpty()) {
            sql.append(" AND status IN (")
                    .append(statuses.stream().map(s -> "?").collect(Collectors.joining(", ")))
                    .append(")");
        }
        sql.append(" ORDER BY seq LIMIT ?");
        try (PreparedStatement query = connection.prepareStatement(sql.toString())) {
            int index = 1;
            if (jobQueue != null) {
                query.setString(index++, jobQueue);
            }
            for (JobStatus status : statuses) {
                query.setString(index++, status.name());
            }
            query.setInt(index, limit);
            return jobs(query);
        } catch (SQLException e) {
            throw failure("list jobs", e);
        }
    }

    @Override
    public synchronized List<Job> unfinished() {
        try (PreparedStatement query =
                connection.prepareStatement(
                        "SELECT detail FROM batch_jobs WHERE status NOT IN ('SUCCEEDED', 'FAILED')"
                                + " ORDER BY seq")) {
            return jobs(query);
        } catch (SQLException e) {
            throw failure("list unfinished jobs", e);
        }
    }

    @Override
    public synchronized long lastSequence() {
        try (Statement query = connection.createStatement();
                ResultSet rows =
                        query.executeQuery("SELECT COALESCE(MAX(seq), 0) FROM batch_jobs")) {
            return rows.next() ? rows.getLong(1) : 0;
        } catch (SQLException e) {
            throw failure("read the last job sequence", e);
        }
    }

    @Override
    public synchronized void putJobDefinition(JobDefinition definition) {
        try (PreparedStatement insert =
                connection.prepareStatement(
                        "INSERT OR REPLACE INTO batch_job_definitions (name, revision, status,"
                                + " definition) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, definition.name());
            insert.setInt(2, definition.revision());
            insert.setString(3, definition.status().name());
            insert.setString(4, JSON.writeValueAsString(definition));
            insert.executeUpdate();
        } catch (SQLException | JsonProcessingException e) {
            throw failure("store job definition " + definition.arn(), e);
        }
    }

    @Override
    public synchronized List<JobDefinition> jobDefinitions(String name) {
        try (PreparedStatement query =
                connection.prepareStatement(
                        "SELECT definition FROM batch_job_definitions WHERE name = ? ORDER BY"
                                + " revision")) {
            query.setString(1, name);
            List<JobDefinition> result = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    result.add(JSON.readValue(rows.getString(1), JobDefinition.class));
                }
            }
            return result;
        } catch (SQLException | JsonProcessingException e) {
            throw failure("read job definition " + name, e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw failure("close", e);
        }
    }

    private static final String UPSERT_JOB =
            "INSERT INTO batch_jobs (job_id, seq, job_queue, status, created_at, detail)"
                    + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (job_id) DO UPDATE SET"
                    + " status = excluded.status, job_queue = excluded.job_queue,"
                    + " detail = excluded.detail";

    private static void bindJob(PreparedStatement insert, Job job) throws SQLException {
        insert.setString(1, job.jobId());
        insert.setLong(2, job.sequence());
        insert.setString(3, job.jobQueue());
        insert.setString(4, job.status().name());
        insert.setLong(5, job.createdAt());
        try {
            insert.setString(6, JSON.writeValueAsString(job));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode job " + job.jobId(), e);
        }
    }

    private static List<Job> jobs(PreparedStatement query) throws SQLException {
        List<Job> result = new ArrayList<>();
        try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                try {
                    result.add(JSON.readValue(rows.getString(1), Job.class));
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException(
                            "a stored job cannot be decoded: " + e.getOriginalMessage(), e);
                }
            }
        }
        return result;
    }

    private static void migrate(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(
                    "CREATE TABLE IF NOT EXISTS batch_schema_version (version INTEGER NOT NULL)");
        }
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            int current;
            try (ResultSet rows =
                    statement.executeQuery(
                            "SELECT COALESCE(MAX(version), 0) FROM batch_schema_version")) {
                current = rows.next() ? rows.getInt(1) : 0;
            }
            for (int version = current + 1; version <= MIGRATIONS.size(); version++) {
                for (String sql : statements(MIGRATIONS.get(version - 1))) {
                    statement.execute(sql);
                }
                statement.execute(
                        "INSERT INTO batch_schema_version (version) VALUES (" + version + ")");
            }
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private static List<String> statements(String migration) {
        String resource = "/cirrus/local/batch/db/" + migration;
        try (InputStream in = SqliteJobStore.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing migration " + resource);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            List<String> result = new ArrayList<>();
            for (String part : text.replaceAll("(?m)^--.*$", "").split(";")) {
                if (!part.isBlank()) {
                    result.add(part.trim());
                }
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static IllegalStateException failure(String action, Exception e) {
        return new IllegalStateException(
                "Batch job store: cannot " + action + ": " + e.getMessage(), e);
    }
}
