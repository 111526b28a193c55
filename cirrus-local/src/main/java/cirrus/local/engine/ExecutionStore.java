package cirrus.local.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.JsonNode;

import cirrus.local.store.SqliteDatabase;
import cirrus.runtime.json.Json;
import cirrus.runtime.port.StoreException;
import cirrus.states.run.Event;
import cirrus.states.run.ExecutionStatus;
import cirrus.states.run.Snapshot;
import cirrus.states.run.SnapshotCodec;
import cirrus.states.run.Step;

/**
 * The executions of the local engine in the project's SQLite database ({@code engine_*} tables):
 * each execution's latest snapshot, the commands it waits for and its history. A step (new
 * snapshot, new commands, consumed command, history) is written in one transaction, so that after a
 * crash the engine finds every execution exactly at its last step, with the work that step asked
 * for.
 */
public final class ExecutionStore {
    private static final String MIGRATION = "V1__executions.sql";

    private final SqliteDatabase db;

    /** Opens the store in {@code db}, creating its tables if needed. */
    public ExecutionStore(SqliteDatabase db) {
        this.db = db;
        String script = load();
        db.write(
                c -> {
                    for (String sql : script.split(";\\s*\\n")) {
                        String stripped = sql.replaceAll("(?m)^--.*$", "").trim();
                        if (!stripped.isEmpty()) {
                            try (Statement s = c.createStatement()) {
                                s.execute(stripped);
                            }
                        }
                    }
                    return null;
                });
    }

    private static String load() {
        try (InputStream in = ExecutionStore.class.getResourceAsStream(MIGRATION)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new StoreException("missing engine schema " + MIGRATION, e);
        }
    }

    /** One interpreter step to store. */
    record AppliedStep(String arn, Step step, Event consumed) {}

    /**
     * Stores a new execution and its first step.
     *
     * @param realDue converts a timer's due time (execution clock) to real time
     * @return false, writing nothing, when an execution with that ARN exists
     */
    boolean insert(
            String workflow,
            Optional<String> payloadId,
            Step first,
            UnaryOperator<Instant> realDue) {
        Snapshot s = first.snapshot();
        String arn = s.execution().executionArn();
        return db.write(
                c -> {
                    try (PreparedStatement p =
                            c.prepareStatement(
                                    "INSERT OR IGNORE INTO engine_executions (arn, workflow, name,"
                                            + " payload_id, status, input, snapshot, start_time)"
                                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                        p.setString(1, arn);
                        p.setString(2, workflow);
                        p.setString(3, s.execution().name());
                        p.setString(4, payloadId.orElse(null));
                        p.setString(5, s.status().name());
                        p.setString(6, Json.write(s.execution().input()));
                        p.setString(7, "{}");
                        p.setLong(8, s.execution().startTime().toEpochMilli());
                        if (p.executeUpdate() == 0) {
                            return false;
                        }
                    }
                    StepWriter.save(c, new AppliedStep(arn, first, null), realDue);
                    return true;
                });
    }

    /** Stores several steps in one transaction. */
    void apply(List<AppliedStep> steps, UnaryOperator<Instant> realDue) {
        if (steps.isEmpty()) {
            return;
        }
        db.write(
                c -> {
                    for (AppliedStep step : steps) {
                        StepWriter.save(c, step, realDue);
                    }
                    return null;
                });
    }

    /** Records the Batch job submitted for a pending task. */
    void recordJob(String arn, String token, String jobId) {
        db.write(
                c -> {
                    try (PreparedStatement p =
                            c.prepareStatement(
                                    "UPDATE engine_commands SET job_id = ? WHERE arn = ? AND token = ?")) {
                        p.setString(1, jobId);
                        p.setString(2, arn);
                        p.setString(3, token);
                        return p.executeUpdate();
                    }
                });
    }

    /** Marks an ended execution as processed by update-state. */
    void markReported(String arn) {
        db.write(
                c -> {
                    try (PreparedStatement p =
                            c.prepareStatement(
                                    "UPDATE engine_executions SET reported = 1 WHERE arn = ?")) {
                        p.setString(1, arn);
                        return p.executeUpdate();
                    }
                });
    }

    /** The latest snapshot of an execution. */
    Optional<Snapshot> snapshot(String arn) {
        return db.read(
                c -> {
                    try (PreparedStatement p =
                            c.prepareStatement(
                                    "SELECT snapshot FROM engine_executions WHERE arn = ?")) {
                        p.setString(1, arn);
                        try (ResultSet rs = p.executeQuery()) {
                            return rs.next()
                                    ? Optional.of(
                                            SnapshotCodec.fromJson(Json.parse(rs.getString(1))))
                                    : Optional.<Snapshot>empty();
                        }
                    }
                });
    }

    private static final String COLUMNS =
            "arn, workflow, name, payload_id, status, input, output, error, cause, start_time,"
                    + " stop_time, reported";

    /** The execution with this ARN. */
    public Optional<ExecutionRecord> get(String arn) {
        List<ExecutionRecord> found =
                query("SELECT " + COLUMNS + " FROM engine_executions WHERE arn = ?", List.of(arn));
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /**
     * Executions, newest first, filtered by workflow, status and payload id when given.
     *
     * @param limit at most this many
     */
    public List<ExecutionRecord> list(
            Optional<String> workflow,
            Optional<ExecutionStatus> status,
            Optional<String> payloadId,
            int limit) {
        StringBuilder sql =
                new StringBuilder("SELECT " + COLUMNS + " FROM engine_executions WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        workflow.ifPresent(
                w -> {
                    sql.append(" AND workflow = ?");
                    args.add(w);
                });
        status.ifPresent(
                s -> {
                    sql.append(" AND status = ?");
                    args.add(s.name());
                });
        payloadId.ifPresent(
                id -> {
                    sql.append(" AND payload_id = ?");
                    args.add(id);
                });
        sql.append(" ORDER BY start_time DESC, arn LIMIT ?");
        args.add(limit);
        return query(sql.toString(), args);
    }

    /**
     * Ended executions that update-state has not processed yet, oldest first, at most 500 (a
     * partial index keeps this cheap however many executions the store holds).
     */
    List<ExecutionRecord> unreported() {
        return query(
                "SELECT "
                        + COLUMNS
                        + " FROM engine_executions WHERE reported = 0 AND status <> 'RUNNING'"
                        + " ORDER BY stop_time LIMIT 500",
                List.of());
    }

    /** The number of executions in each status. */
    public Map<ExecutionStatus, Long> counts() {
        return db.read(
                c -> {
                    Map<ExecutionStatus, Long> counts = new EnumMap<>(ExecutionStatus.class);
                    try (Statement s = c.createStatement();
                            ResultSet rs =
                                    s.executeQuery(
                                            "SELECT status, COUNT(*) FROM engine_executions GROUP BY status")) {
                        while (rs.next()) {
                            counts.put(ExecutionStatus.valueOf(rs.getString(1)), rs.getLong(2));
                        }
                    }
                    return counts;
                });
    }

    /** Every pending command of every running execution. */
    List<PendingCommand> pending() {
        return db.read(
                c -> {
                    List<PendingCommand> result = new ArrayList<>();
                    try (Statement s = c.createStatement();
                            ResultSet rs =
                                    s.executeQuery(
                                            "SELECT c.arn, c.token, c.kind, c.request, c.due, c.job_id"
                                                    + " FROM engine_commands c JOIN engine_executions e"
                                                    + " ON e.arn = c.arn WHERE e.status = 'RUNNING'"
                                                    + " ORDER BY e.start_time, c.token")) {
                        while (rs.next()) {
                            boolean task = rs.getString(3).equals("TASK");
                            long due = rs.getLong(5);
                            result.add(
                                    new PendingCommand(
                                            rs.getString(1),
                                            rs.getString(2),
                                            task
                                                    ? Optional.of(
                                                            TaskRequests.fromJson(
                                                                    Json.parse(rs.getString(4))))
                                                    : Optional.empty(),
                                            task
                                                    ? Optional.empty()
                                                    : Optional.of(Instant.ofEpochMilli(due)),
                                            Optional.ofNullable(rs.getString(6))));
                        }
                    }
                    return result;
                });
    }

    /** The history of an execution, GetExecutionHistory-shaped, oldest first. */
    public List<JsonNode> history(String arn) {
        return db.read(
                c -> {
                    List<JsonNode> events = new ArrayList<>();
                    try (PreparedStatement p =
                            c.prepareStatement(
                                    "SELECT event FROM engine_history WHERE arn = ? ORDER BY id")) {
                        p.setString(1, arn);
                        try (ResultSet rs = p.executeQuery()) {
                            while (rs.next()) {
                                events.add(Json.parse(rs.getString(1)));
                            }
                        }
                    }
                    return events;
                });
    }

    private List<ExecutionRecord> query(String sql, List<?> args) {
        return db.read(
                c -> {
                    List<ExecutionRecord> result = new ArrayList<>();
                    try (PreparedStatement p = c.prepareStatement(sql)) {
                        for (int i = 0; i < args.size(); i++) {
                            p.setObject(i + 1, args.get(i));
                        }
                        try (ResultSet rs = p.executeQuery()) {
                            while (rs.next()) {
                                result.add(record(rs));
                            }
                        }
                    }
                    return result;
                });
    }

    private static ExecutionRecord record(ResultSet rs) throws SQLException {
        long stop = rs.getLong(11);
        boolean hasStop = !rs.wasNull();
        String output = rs.getString(7);
        return new ExecutionRecord(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                Optional.ofNullable(rs.getString(4)),
                ExecutionStatus.valueOf(rs.getString(5)),
                Json.parse(rs.getString(6)),
                Optional.ofNullable(output).map(Json::parse),
                Optional.ofNullable(rs.getString(8)),
                Optional.ofNullable(rs.getString(9)),
                Instant.ofEpochMilli(rs.getLong(10)),
                hasStop ? Optional.of(Instant.ofEpochMilli(stop)) : Optional.empty(),
                rs.getInt(12) != 0);
    }
}
