package cirrus.aws.dynamodb;

import static cirrus.aws.dynamodb.StateItems.key;
import static cirrus.aws.dynamodb.StateItems.s;
import static cirrus.aws.dynamodb.StateItems.stateUpdated;
import static cirrus.aws.dynamodb.StateItems.strings;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

import cirrus.runtime.payload.PayloadId;
import cirrus.runtime.port.ClaimRequest;
import cirrus.runtime.port.ClaimResult;
import cirrus.runtime.port.StateCount;
import cirrus.runtime.port.StatePage;
import cirrus.runtime.port.StateQuery;
import cirrus.runtime.port.StateRecord;
import cirrus.runtime.port.StateStore;
import cirrus.runtime.port.StoreException;
import cirrus.runtime.port.WorkflowState;
import cirrus.runtime.statedb.IsoTime;

/**
 * The {@link StateStore} on the cirrus v0.15.4 DynamoDB state table ({@link StateTable}). Every
 * write is one {@code UpdateItem} that keeps {@code created} ({@code if_not_exists}); the v1 claim
 * is a conditional update whose condition failure returns the current item ({@code
 * ReturnValuesOnConditionCheckFailure: ALL_OLD}), so a lost race costs no extra read.
 */
public final class DynamoStateStore implements StateStore {
    private static final String IN_FLIGHT =
            "(attribute_not_exists(#su) OR NOT (begins_with(#su, :processing) OR begins_with(#su,"
                    + " :claimed)))";

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;

    public DynamoStateStore(DynamoDbClient dynamo, String table, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
    }

    public String table() {
        return table;
    }

    @Override
    public Optional<StateRecord> get(PayloadId id) {
        return raw(id).flatMap(StateItems::stated);
    }

    @Override
    public Map<PayloadId, StateRecord> getAll(Collection<PayloadId> ids) {
        List<PayloadId> unique = new ArrayList<>(new LinkedHashSet<>(ids));
        Map<PayloadId, StateRecord> found = new LinkedHashMap<>();
        for (int from = 0; from < unique.size(); from += 100) {
            List<Map<String, AttributeValue>> keys =
                    unique.subList(from, Math.min(unique.size(), from + 100)).stream()
                            .map(StateItems::key)
                            .toList();
            for (Map<String, AttributeValue> item : BatchReads.getAll(dynamo, table, keys)) {
                StateItems.stated(item).ifPresent(record -> found.put(record.id(), record));
            }
        }
        Map<PayloadId, StateRecord> ordered = new LinkedHashMap<>();
        for (PayloadId id : unique) {
            if (found.containsKey(id)) {
                ordered.put(id, found.get(id));
            }
        }
        return ordered;
    }

    @Override
    public ClaimResult claim(ClaimRequest request) {
        String now = IsoTime.format(clock.instant());
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":now", s(now));
        values.put(":su", s(stateUpdated(WorkflowState.CLAIMED, now)));
        values.put(":processing", s(WorkflowState.PROCESSING.name()));
        values.put(":claimed", s(WorkflowState.CLAIMED.name()));
        values.put(":arn", strings(List.of(request.executionArn())));
        values.put(":empty", strings(List.of()));
        values.put(":n", AttributeValue.fromN(Integer.toString(request.expectedExecutions())));
        String history =
                request.expectedExecutions() == 0
                        ? "(attribute_not_exists(#ex) OR size(#ex) = :n)"
                        : "size(#ex) = :n";
        UpdateItemRequest update =
                UpdateItemRequest.builder()
                        .tableName(table)
                        .key(key(request.id()))
                        .updateExpression(
                                "SET #su = :su, #ca = :now, #cr = if_not_exists(#cr, :now), #up ="
                                        + " :now, #ex = list_append(if_not_exists(#ex, :empty),"
                                        + " :arn) REMOVE #le, #out")
                        .conditionExpression(IN_FLIGHT + " AND " + history)
                        .expressionAttributeNames(
                                names(
                                        "#su", StateTable.STATE_UPDATED,
                                        "#ca", StateTable.CLAIMED_AT,
                                        "#cr", StateTable.CREATED,
                                        "#up", StateTable.UPDATED,
                                        "#ex", StateTable.EXECUTIONS,
                                        "#le", StateTable.LAST_ERROR,
                                        "#out", StateTable.OUTPUTS))
                        .expressionAttributeValues(values)
                        .returnValues(ReturnValue.ALL_NEW)
                        .returnValuesOnConditionCheckFailure(
                                ReturnValuesOnConditionCheckFailure.ALL_OLD)
                        .build();
        try {
            return new ClaimResult.Claimed(
                    StateItems.toRecord(dynamo.updateItem(update).attributes()));
        } catch (ConditionalCheckFailedException e) {
            Optional<StateRecord> current =
                    e.hasItem() && !e.item().isEmpty()
                            ? StateItems.stated(e.item())
                            : Optional.empty();
            return new ClaimResult.Conflict(current);
        } catch (SdkException e) {
            throw failure("claim", request.id(), e);
        }
    }

    @Override
    public boolean markProcessing(PayloadId id) {
        String now = IsoTime.format(clock.instant());
        try {
            dynamo.updateItem(
                    r ->
                            r.tableName(table)
                                    .key(key(id))
                                    .updateExpression("SET #su = :su, #up = :now")
                                    .conditionExpression("begins_with(#su, :claimed)")
                                    .expressionAttributeNames(
                                            names(
                                                    "#su", StateTable.STATE_UPDATED,
                                                    "#up", StateTable.UPDATED))
                                    .expressionAttributeValues(
                                            Map.of(
                                                    ":su",
                                                    s(stateUpdated(WorkflowState.PROCESSING, now)),
                                                    ":now",
                                                    s(now),
                                                    ":claimed",
                                                    s(WorkflowState.CLAIMED.name() + "_"))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        } catch (SdkException e) {
            throw failure("mark processing", id, e);
        }
    }

    @Override
    public void setProcessing(PayloadId id, String executionArn) {
        Map<String, AttributeValue> extra = new HashMap<>();
        extra.put(":arn", strings(List.of(executionArn)));
        extra.put(":empty", strings(List.of()));
        write(
                id,
                WorkflowState.PROCESSING,
                ", #ex = list_append(if_not_exists(#ex, :empty), :arn)",
                names("#ex", StateTable.EXECUTIONS),
                extra);
    }

    /**
     * Sets the outputs unconditionally, as v0.15.4's {@code update_item} does: a payload without a
     * state item (published outside a workflow, or its item deleted) gets an item holding only its
     * key, {@code outputs}, {@code created} and {@code updated}, which readers treat as a payload
     * without state.
     */
    @Override
    public void setOutputs(PayloadId id, List<String> outputs) {
        String now = IsoTime.format(clock.instant());
        try {
            dynamo.updateItem(
                    r ->
                            r.tableName(table)
                                    .key(key(id))
                                    .updateExpression(
                                            "SET #out = :out, #up = :now,"
                                                    + " #cr = if_not_exists(#cr, :now)")
                                    .expressionAttributeNames(
                                            names(
                                                    "#out", StateTable.OUTPUTS,
                                                    "#up", StateTable.UPDATED,
                                                    "#cr", StateTable.CREATED))
                                    .expressionAttributeValues(
                                            Map.of(":out", strings(outputs), ":now", s(now))));
        } catch (SdkException e) {
            throw failure("set outputs of", id, e);
        }
    }

    @Override
    public void setCompleted(PayloadId id, Optional<List<String>> outputs) {
        if (outputs.isPresent()) {
            write(
                    id,
                    WorkflowState.COMPLETED,
                    ", #out = :out",
                    names("#out", StateTable.OUTPUTS),
                    Map.of(":out", strings(outputs.get())));
        } else {
            write(id, WorkflowState.COMPLETED, "", Map.of(), Map.of());
        }
    }

    @Override
    public void setFailed(PayloadId id, String error) {
        write(
                id,
                WorkflowState.FAILED,
                ", #le = :le",
                names("#le", StateTable.LAST_ERROR),
                Map.of(":le", s(error)));
    }

    @Override
    public void setInvalid(PayloadId id, String error) {
        write(
                id,
                WorkflowState.INVALID,
                ", #le = :le",
                names("#le", StateTable.LAST_ERROR),
                Map.of(":le", s(error)));
    }

    @Override
    public void setAborted(PayloadId id) {
        write(id, WorkflowState.ABORTED, "", Map.of(), Map.of());
    }

    @Override
    public void delete(PayloadId id) {
        try {
            dynamo.deleteItem(r -> r.tableName(table).key(key(id)));
        } catch (SdkException e) {
            throw failure("delete", id, e);
        }
    }

    @Override
    public StatePage query(StateQuery query, int limit, Optional<PayloadId> nextKey) {
        return new StateQueries(dynamo, table, clock.instant())
                .page(query, limit, nextKey, this::raw);
    }

    @Override
    public StateCount count(StateQuery query, OptionalLong limit) {
        return new StateQueries(dynamo, table, clock.instant()).count(query, limit);
    }

    /** The stored item of {@code id} as DynamoDB returns it (strongly consistent). */
    Optional<Map<String, AttributeValue>> raw(PayloadId id) {
        try {
            Map<String, AttributeValue> item =
                    dynamo.getItem(r -> r.tableName(table).key(key(id)).consistentRead(true))
                            .item();
            return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
        } catch (SdkException e) {
            throw failure("read", id, e);
        }
    }

    /**
     * {@code SET created = if_not_exists(created, :now), updated = :now, state_updated =
     * <STATE>_<now>} plus {@code extraSet}, creating the item when missing.
     */
    private void write(
            PayloadId id,
            WorkflowState state,
            String extraSet,
            Map<String, String> extraNames,
            Map<String, AttributeValue> extraValues) {
        String now = IsoTime.format(clock.instant());
        Map<String, String> allNames =
                new HashMap<>(
                        names(
                                "#su", StateTable.STATE_UPDATED,
                                "#cr", StateTable.CREATED,
                                "#up", StateTable.UPDATED));
        allNames.putAll(extraNames);
        Map<String, AttributeValue> values = new HashMap<>(extraValues);
        values.put(":now", s(now));
        values.put(":su", s(stateUpdated(state, now)));
        try {
            dynamo.updateItem(
                    r ->
                            r.tableName(table)
                                    .key(key(id))
                                    .updateExpression(
                                            "SET #cr = if_not_exists(#cr, :now), #up = :now, #su ="
                                                    + " :su"
                                                    + extraSet)
                                    .expressionAttributeNames(allNames)
                                    .expressionAttributeValues(values));
        } catch (SdkException e) {
            throw failure("set " + state + " on", id, e);
        }
    }

    private static Map<String, String> names(String... pairs) {
        Map<String, String> names = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            names.put(pairs[i], pairs[i + 1]);
        }
        return names;
    }

    private StoreException failure(String what, PayloadId id, SdkException e) {
        return new StoreException(
                "cannot " + what + " " + id + " in " + table + ": " + e.getMessage(), e);
    }
}
