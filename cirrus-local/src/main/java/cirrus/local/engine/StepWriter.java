package cirrus.local.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.function.UnaryOperator;

import cirrus.runtime.json.Json;
import cirrus.states.run.Command;
import cirrus.states.run.Event;
import cirrus.states.run.HistoryEvent;
import cirrus.states.run.Snapshot;
import cirrus.states.run.SnapshotCodec;

/**
 * Writes one interpreter step inside the caller's transaction: the execution row (status, output,
 * error, snapshot), the command the step consumed (deleted), the commands it asks for (inserted;
 * cancelled ones deleted; all of them when the execution ended) and its history events.
 */
final class StepWriter {
    private StepWriter() {}

    static void save(
            Connection c, ExecutionStore.AppliedStep applied, UnaryOperator<Instant> realDue)
            throws SQLException {
        Snapshot s = applied.step().snapshot();
        String arn = applied.arn();
        try (PreparedStatement p =
                c.prepareStatement(
                        "UPDATE engine_executions SET status = ?, output = ?, error = ?, cause = ?,"
                                + " snapshot = ?, stop_time = ? WHERE arn = ?")) {
            p.setString(1, s.status().name());
            p.setString(2, s.output() == null ? null : Json.write(s.output()));
            p.setString(3, s.error() == null ? null : s.error().error());
            p.setString(4, s.error() == null ? null : s.error().cause());
            p.setString(5, Json.write(SnapshotCodec.toJson(s)));
            if (s.stopTime() == null) {
                p.setNull(6, Types.INTEGER);
            } else {
                p.setLong(6, s.stopTime().toEpochMilli());
            }
            p.setString(7, arn);
            p.executeUpdate();
        }
        String consumed = consumedToken(applied.consumed());
        if (consumed != null) {
            deleteCommand(c, arn, consumed);
        }
        for (Command command : applied.step().commands()) {
            if (command instanceof Command.InvokeTask t) {
                insertCommand(
                        c,
                        arn,
                        t.request().token(),
                        "TASK",
                        Json.write(TaskRequests.toJson(t.request())),
                        null);
            } else if (command instanceof Command.StartTimer t) {
                insertCommand(
                        c, arn, t.timerId(), "TIMER", null, realDue.apply(t.due()).toEpochMilli());
            } else if (command instanceof Command.CancelTask t) {
                deleteCommand(c, arn, t.token());
            } else if (command instanceof Command.CancelTimer t) {
                deleteCommand(c, arn, t.timerId());
            }
        }
        if (s.status().isTerminal()) {
            try (PreparedStatement p =
                    c.prepareStatement("DELETE FROM engine_commands WHERE arn = ?")) {
                p.setString(1, arn);
                p.executeUpdate();
            }
        }
        try (PreparedStatement p =
                c.prepareStatement(
                        "INSERT OR REPLACE INTO engine_history (arn, id, event) VALUES (?, ?, ?)")) {
            for (HistoryEvent e : applied.step().history()) {
                p.setString(1, arn);
                p.setLong(2, e.id());
                p.setString(3, Json.write(e.toJson()));
                p.addBatch();
            }
            p.executeBatch();
        }
    }

    private static String consumedToken(Event event) {
        if (event instanceof Event.TaskSucceeded e) {
            return e.token();
        }
        if (event instanceof Event.TaskFailed e) {
            return e.token();
        }
        if (event instanceof Event.TimerFired e) {
            return e.timerId();
        }
        return null;
    }

    private static void insertCommand(
            Connection c, String arn, String token, String kind, String request, Long due)
            throws SQLException {
        try (PreparedStatement p =
                c.prepareStatement(
                        "INSERT OR REPLACE INTO engine_commands (arn, token, kind, request, due)"
                                + " VALUES (?, ?, ?, ?, ?)")) {
            p.setString(1, arn);
            p.setString(2, token);
            p.setString(3, kind);
            p.setString(4, request);
            if (due == null) {
                p.setNull(5, Types.INTEGER);
            } else {
                p.setLong(5, due);
            }
            p.executeUpdate();
        }
    }

    private static void deleteCommand(Connection c, String arn, String token) throws SQLException {
        try (PreparedStatement p =
                c.prepareStatement("DELETE FROM engine_commands WHERE arn = ? AND token = ?")) {
            p.setString(1, arn);
            p.setString(2, token);
            p.executeUpdate();
        }
    }
}
