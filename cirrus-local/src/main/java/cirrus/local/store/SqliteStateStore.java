package cirrus.local.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import cirrus.runtime.payload.PayloadId;
import cirrus.runtime.port.ClaimRequest;
import cirrus.runtime.port.ClaimResult;
import cirrus.runtime.port.StateCount;
import cirrus.runtime.port.StatePage;
import cirrus.runtime.port.StateQuery;
import cirrus.runtime.port.StateRecord;
import cirrus.runtime.port.StateStore;
import cirrus.runtime.port.WorkflowState;
import cirrus.runtime.statedb.IsoTime;

/**
 * The state store in the {@code state_items} table of a {@link SqliteDatabase}: the cirrus v0.15.4
 * item layout, the two GSIs as indexes, the v1 claim as one {@code BEGIN IMMEDIATE} transaction.
 */
public final class SqliteStateStore implements StateStore {
    private static final String COLUMNS =
            "collections_workflow, itemids, state, state_updated, created, updated, executions,"
                    + " outputs, last_error, claimed_at";

    private final SqliteDatabase db;
    private final Clock clock;

    public SqliteStateStore(SqliteDatabase db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public Optional<StateRecord> get(PayloadId id) {
        return db.read(c -> find(c, id));
    }

    @Override
    public Map<PayloadId, StateRecord> getAll(Collection<PayloadId> ids) {
        return db.read(
                c -> {
                    Map<PayloadId, StateRecord> found = new LinkedHashMap<>();
                    for (PayloadId id : new LinkedHashSet<>(ids)) {
                        find(c, id).ifPresent(r -> found.put(id, r));
                    }
                    return found;
                });
    }

    @Override
    public ClaimResult claim(ClaimRequest request) {
        return db.write(
                c -> {
                    Optional<StateRecord> current = find(c, request.id());
                    int executions = current.map(r -> r.executions().size()).orElse(0);
                    boolean inFlight = current.map(r -> r.state().isInFlight()).orElse(false);
                    if (inFlight || executions != request.expectedExecutions()) {
                        return new ClaimResult.Conflict(current);
                    }
                    String now = IsoTime.format(clock.instant());
                    List<String> history =
                            new ArrayList<>(current.map(StateRecord::executions).orElse(List.of()));
                    history.add(request.executionArn());
                    upsert(
                            c,
                            request.id(),
                            WorkflowState.CLAIMED,
                            now,
                            "executions = excluded.executions, execution_count ="
                                    + " excluded.execution_count, last_error = NULL, outputs ="
                                    + " NULL, claimed_at = excluded.claimed_at",
                            JsonColumns.write(history),
                            history.size(),
                            null,
                            null,
                            now);
                    return new ClaimResult.Claimed(find(c, request.id()).orElseThrow());
                });
    }

    @Override
    public boolean markProcessing(PayloadId id) {
        return db.write(
                c -> {
                    Instant now = clock.instant();
                    try (PreparedStatement p =
                            c.prepareStatement(
                                    "UPDATE state_items SET state = 'PROCESSING', state_updated = ?,"
                                            + " updated = ? WHERE collections_workflow = ? AND"
                                            + " itemids = ? AND state = 'CLAIMED'")) {
                        p.setString(1, stateUpdated(WorkflowState.PROCESSING, now));
                        p.setString(2, IsoTime.format(now));
                        p.setString(3, id.collectionsWorkflow());
                        p.setString(4, id.itemIds());
                        return p.executeUpdate() == 1;
                    }
                });
    }

    @Override
    public void setProcessing(PayloadId id, String executionArn) {
        db.write(
                c -> {
                    List<String> history =
                            new ArrayList<>(
                                    find(c, id).map(StateRecord::executions).orElse(List.of()));
                    history.add(executionArn);
                    upsert(
                            c,
                            id,
                            WorkflowState.PROCESSING,
                            IsoTime.format(clock.instant()),
                            "executions = excluded.executions, execution_count ="
                                    + " excluded.execution_count",
                            JsonColumns.write(history),
                            history.size(),
                            null,
                            null,
                            null);
                    return null;
                });
    }

    @Override
    public void setOutputs(PayloadId id, List<String> outputs) {
        db.write(
                c -> {
                    Optional<StateRecord> current = find(c, id);
                    if (current.isEmpty()) {
                        // v0.15.4 update_item creates an item without state; ours needs one
                        throw new IllegalStateException(
                                "cannot set outputs of unknown payload " + id);
                    }
                    try (PreparedStatement p =
                            c.prepareStatement(
                                    "UPDATE state_items SET outputs = ?, updated = ? WHERE"
                                            + " collections_workflow = ? AND itemids = ?")) {
                        p.setString(1, JsonColumns.write(outputs));
                        p.setString(2, IsoTime.format(clock.instant()));
                        p.setString(3, id.collectionsWorkflow());
                        p.setString(4, id.itemIds());
                        p.executeUpdate();
                    }
                    return null;
                });
    }

    @Override
    public void setCompleted(PayloadId id, Optional<List<String>> outputs) {
        String json = outputs.map(JsonColumns::write).orElse(null);
        setState(
                id,
                WorkflowState.COMPLETED,
                outputs.isPresent() ? "outputs = excluded.outputs" : null,
                json,
                null);
    }

    @Override
    public void setFailed(PayloadId id, String error) {
        setState(id, WorkflowState.FAILED, "last_error = excluded.last_error", null, error);
    }

    @Override
    public void setInvalid(PayloadId id, String error) {
        setState(id, WorkflowState.INVALID, "last_error = excluded.last_error", null, error);
    }

    @Override
    public void setAborted(PayloadId id) {
        setState(id, WorkflowState.ABORTED, null, null, null);
    }

    @Override
    public void delete(PayloadId id) {
        db.write(
                c -> {
                    try (PreparedStatement p =
                            c.prepareStatement(
                                    "DELETE FROM state_items WHERE collections_workflow = ? AND"
                                            + " itemids = ?")) {
                        p.setString(1, id.collectionsWorkflow());
                        p.setString(2, id.itemIds());
                        return p.executeUpdate();
                    }
                });
    }

    @Override
    public StatePage query(StateQuery query, int limit, Optional<PayloadId> nextKey) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
        return db.read(
                c -> {
                    StateSql sql = StateSql.of(query, clock.instant());
                    if (nextKey.isPresent()) {
                        StateRecord after =
                                find(c, nextKey.get())
                                        .orElseThrow(
                                                () ->
                                                        new IllegalArgumentException(
                                                                "nextkey "
                                                                        + nextKey.get()
                                                                        + " is not a stored payload"));
                        sql = sql.after(after);
                    }
                    List<StateRecord> items = new ArrayList<>();
                    try (PreparedStatement p =
                            sql.prepare(c, "SELECT " + COLUMNS, " LIMIT " + (limit + 1))) {
                        try (ResultSet rs = p.executeQuery()) {
                            while (rs.next()) {
                                items.add(toRecord(rs));
                            }
                        }
                    }
                    if (items.size() <= limit) {
                        return new StatePage(items, Optional.empty());
                    }
                    List<StateRecord> page = items.subList(0, limit);
                    return new StatePage(page, Optional.of(page.get(limit - 1).id()));
                });
    }

    @Override
    public StateCount count(StateQuery query, OptionalLong limit) {
        return db.read(
                c -> {
                    StateSql sql = StateSql.of(query, clock.instant());
                    String cap = limit.isPresent() ? " LIMIT " + (limit.getAsLong() + 1) : "";
                    try (PreparedStatement p = sql.prepare(c, "SELECT 1", cap);
                            ResultSet rs = p.executeQuery()) {
                        long n = 0;
                        while (rs.next()) {
                            n++;
                        }
                        if (limit.isPresent() && n > limit.getAsLong()) {
                            return new StateCount(limit.getAsLong(), true);
                        }
                        return new StateCount(n, false);
                    }
                });
    }

    private void setState(
            PayloadId id, WorkflowState state, String extraSet, String outputs, String error) {
        db.write(
                c -> {
                    upsert(
                            c,
                            id,
                            state,
                            IsoTime.format(clock.instant()),
                            extraSet,
                            "[]",
                            0,
                            outputs,
                            error,
                            null);
                    return null;
                });
    }

    /**
     * Inserts the item or updates state, state_updated, updated (and {@code extraSet} columns from
     * the would-be inserted row) while keeping {@code created}.
     */
    private static void upsert(
            Connection c,
            PayloadId id,
            WorkflowState state,
            String now,
            String extraSet,
            String executions,
            int executionCount,
            String outputs,
            String lastError,
            String claimedAt)
            throws SQLException {
        String set =
                "state = excluded.state, state_updated = excluded.state_updated, updated ="
                        + " excluded.updated"
                        + (extraSet == null ? "" : ", " + extraSet);
        try (PreparedStatement p =
                c.prepareStatement(
                        "INSERT INTO state_items (collections_workflow, itemids, state,"
                                + " state_updated, created, updated, executions, execution_count,"
                                + " outputs, last_error, claimed_at) VALUES (?, ?, ?, ?, ?, ?, ?,"
                                + " ?, ?, ?, ?) ON CONFLICT (collections_workflow, itemids) DO"
                                + " UPDATE SET "
                                + set)) {
            p.setString(1, id.collectionsWorkflow());
            p.setString(2, id.itemIds());
            p.setString(3, state.name());
            p.setString(4, state.name() + "_" + now);
            p.setString(5, now);
            p.setString(6, now);
            p.setString(7, executions);
            p.setInt(8, executionCount);
            p.setString(9, outputs);
            p.setString(10, lastError);
            p.setString(11, claimedAt);
            p.executeUpdate();
        }
    }

    private static String stateUpdated(WorkflowState state, Instant at) {
        return state.name() + "_" + IsoTime.format(at);
    }

    private static Optional<StateRecord> find(Connection c, PayloadId id) throws SQLException {
        try (PreparedStatement p =
                c.prepareStatement(
                        "SELECT "
                                + COLUMNS
                                + " FROM state_items WHERE collections_workflow = ? AND itemids ="
                                + " ?")) {
            p.setString(1, id.collectionsWorkflow());
            p.setString(2, id.itemIds());
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? Optional.of(toRecord(rs)) : Optional.empty();
            }
        }
    }

    private static StateRecord toRecord(ResultSet rs) throws SQLException {
        String stateUpdated = rs.getString("state_updated");
        String outputs = rs.getString("outputs");
        String claimedAt = rs.getString("claimed_at");
        return new StateRecord(
                PayloadId.fromKey(rs.getString("collections_workflow"), rs.getString("itemids")),
                WorkflowState.valueOf(rs.getString("state")),
                IsoTime.parse(stateUpdated.substring(stateUpdated.indexOf('_') + 1)),
                IsoTime.parse(rs.getString("created")),
                IsoTime.parse(rs.getString("updated")),
                JsonColumns.readList(rs.getString("executions")),
                outputs == null ? List.of() : JsonColumns.readList(outputs),
                Optional.ofNullable(rs.getString("last_error")),
                Optional.ofNullable(claimedAt).map(IsoTime::parse));
    }
}
