package cirrus.local.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import cirrus.runtime.port.StateQuery;
import cirrus.runtime.port.StateRecord;
import cirrus.runtime.statedb.IsoTime;

/**
 * The SQL of a {@link StateQuery}: which column orders it (the GSI cirrus would read), the key
 * range and filter conditions, and the keyset condition that starts a page after a given item.
 */
final class StateSql {
    private final String sortColumn;
    private final boolean ascending;
    private final List<String> conditions;
    private final List<String> parameters;

    private StateSql(
            String sortColumn,
            boolean ascending,
            List<String> conditions,
            List<String> parameters) {
        this.sortColumn = sortColumn;
        this.ascending = ascending;
        this.conditions = conditions;
        this.parameters = parameters;
    }

    static StateSql of(StateQuery query, Instant now) {
        List<String> conditions = new ArrayList<>(List.of("collections_workflow = ?"));
        List<String> parameters = new ArrayList<>(List.of(query.collectionsWorkflow()));
        String since = query.since().map(d -> IsoTime.format(now.minus(d))).orElse(null);
        String until = IsoTime.format(now);
        String sortColumn;
        if (query.state().isPresent()) {
            String prefix = query.state().get().name() + "_";
            sortColumn = "state_updated";
            conditions.add("state_updated BETWEEN ? AND ?");
            parameters.add(since == null ? prefix : prefix + since);
            // '~' sorts after every character of an ISO timestamp
            parameters.add(since == null ? prefix + "~" : prefix + until);
        } else if (since != null) {
            sortColumn = "updated";
            conditions.add("updated BETWEEN ? AND ?");
            parameters.add(since);
            parameters.add(until);
        } else {
            sortColumn =
                    switch (query.sortIndex()) {
                        case UPDATED -> "updated";
                        case STATE_UPDATED -> "state_updated";
                        case DEFAULT -> "itemids";
                    };
        }
        query.errorBeginsWith()
                .ifPresent(
                        prefix -> {
                            conditions.add(
                                    "last_error IS NOT NULL AND substr(last_error, 1, length(?))"
                                            + " = ?");
                            parameters.add(prefix);
                            parameters.add(prefix);
                        });
        return new StateSql(sortColumn, query.ascending(), conditions, parameters);
    }

    /** The same query, starting after {@code item} in query order. */
    StateSql after(StateRecord item) {
        String value =
                switch (sortColumn) {
                    case "state_updated" ->
                            item.state().name() + "_" + IsoTime.format(item.stateUpdated());
                    case "updated" -> IsoTime.format(item.updated());
                    default -> item.id().itemIds();
                };
        List<String> moreConditions = new ArrayList<>(conditions);
        moreConditions.add("(" + sortColumn + ", itemids) " + (ascending ? ">" : "<") + " (?, ?)");
        List<String> moreParameters = new ArrayList<>(parameters);
        moreParameters.add(value);
        moreParameters.add(item.id().itemIds());
        return new StateSql(sortColumn, ascending, moreConditions, moreParameters);
    }

    PreparedStatement prepare(Connection c, String select, String tail) throws SQLException {
        String direction = ascending ? " ASC" : " DESC";
        String sql =
                select
                        + " FROM state_items WHERE "
                        + String.join(" AND ", conditions)
                        + " ORDER BY "
                        + sortColumn
                        + direction
                        + ", itemids"
                        + direction
                        + tail;
        PreparedStatement p = c.prepareStatement(sql);
        for (int i = 0; i < parameters.size(); i++) {
            p.setString(i + 1, parameters.get(i));
        }
        return p;
    }
}
