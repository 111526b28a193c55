package cirrus.local.operate;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import cirrus.local.store.SqliteDatabase;
import cirrus.runtime.operate.PayloadFilter;
import cirrus.runtime.operate.StateKeys;

/** The {@code collections_workflow} keys of the local state table (an index-only scan). */
final class LocalStateKeys implements StateKeys {
    private final SqliteDatabase db;

    LocalStateKeys(SqliteDatabase db) {
        this.db = db;
    }

    @Override
    public List<String> keys(PayloadFilter filter) {
        return db.read(
                c -> {
                    List<String> keys = new ArrayList<>();
                    try (Statement s = c.createStatement();
                            ResultSet rs =
                                    s.executeQuery(
                                            "SELECT DISTINCT collections_workflow FROM state_items"
                                                    + " ORDER BY collections_workflow")) {
                        while (rs.next()) {
                            if (filter.selects(rs.getString(1))) {
                                keys.add(rs.getString(1));
                            }
                        }
                    }
                    return keys;
                });
    }
}
