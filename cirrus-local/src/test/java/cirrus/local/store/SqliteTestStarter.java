package cirrus.local.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

import cirrus.runtime.port.StartResult;
import cirrus.runtime.port.WorkflowStarter;

/**
 * A workflow starter that records executions in a table of the shared SQLite file, so that several
 * processes see one set of executions (names are unique, like Step Functions').
 */
final class SqliteTestStarter implements WorkflowStarter {
    private final SqliteDatabase db;

    SqliteTestStarter(SqliteDatabase db) {
        this.db = db;
        db.write(
                c -> {
                    try (Statement s = c.createStatement()) {
                        s.execute(
                                "CREATE TABLE IF NOT EXISTS test_executions"
                                        + " (arn TEXT PRIMARY KEY, workflow TEXT NOT NULL, input TEXT NOT NULL)");
                    }
                    return null;
                });
    }

    @Override
    public String executionArn(String workflow, String executionName) {
        return "arn:aws:states:local:000000000000:execution:" + workflow + ":" + executionName;
    }

    @Override
    public StartResult start(String workflow, String executionName, String input) {
        String arn = executionArn(workflow, executionName);
        int inserted =
                db.write(
                        c -> {
                            try (PreparedStatement p =
                                    c.prepareStatement(
                                            "INSERT OR IGNORE INTO test_executions VALUES (?, ?, ?)")) {
                                p.setString(1, arn);
                                p.setString(2, workflow);
                                p.setString(3, input);
                                return p.executeUpdate();
                            }
                        });
        return new StartResult(arn, inserted == 0);
    }

    /** Every execution: ARN to input. */
    static Map<String, String> executions(SqliteDatabase db) {
        return db.read(
                c -> {
                    Map<String, String> out = new LinkedHashMap<>();
                    try (Statement s = c.createStatement();
                            ResultSet rs =
                                    s.executeQuery("SELECT arn, input FROM test_executions")) {
                        while (rs.next()) {
                            out.put(rs.getString(1), rs.getString(2));
                        }
                    }
                    return out;
                });
    }
}
