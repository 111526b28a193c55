package cirrus.aws.dynamodb;

import static cirrus.aws.dynamodb.StateItems.s;
import static cirrus.aws.dynamodb.StateTable.HASH_KEY;
import static cirrus.aws.dynamodb.StateTable.RANGE_KEY;
import static cirrus.aws.dynamodb.StateTable.STATE_UPDATED;
import static cirrus.aws.dynamodb.StateTable.UPDATED;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

import cirrus.runtime.port.SortIndex;
import cirrus.runtime.port.StateQuery;
import cirrus.runtime.statedb.IsoTime;

/**
 * A {@link StateQuery} as a DynamoDB {@code Query}, following cirrus v0.15.4 {@code StateDB.query}:
 * the {@code state_updated} GSI with {@code BETWEEN} or {@code begins_with} when a state is given,
 * the {@code updated} GSI with {@code BETWEEN} for {@code since} alone, else the index named by
 * {@code sort_index} (the table itself for {@code default}); {@code last_error} prefixes as a
 * filter.
 *
 * @param index the GSI to read, empty for the table
 * @param request the query without paging parameters
 */
record QueryPlan(Optional<String> index, QueryRequest request) {

    static QueryPlan of(String table, StateQuery query, Instant now) {
        Map<String, String> names = new HashMap<>(Map.of("#cw", HASH_KEY));
        Map<String, AttributeValue> values =
                new HashMap<>(Map.of(":cw", s(query.collectionsWorkflow())));
        String keyCondition = "#cw = :cw";
        String iso = IsoTime.format(now);
        Optional<String> since = query.since().map(d -> IsoTime.format(now.minus(d)));
        Optional<String> index;
        if (query.state().isPresent()) {
            String prefix = query.state().get().name() + "_";
            index = Optional.of(STATE_UPDATED);
            names.put("#k", STATE_UPDATED);
            if (since.isPresent()) {
                keyCondition += " AND #k BETWEEN :from AND :to";
                values.put(":from", s(prefix + since.get()));
                values.put(":to", s(prefix + iso));
            } else {
                keyCondition += " AND begins_with(#k, :prefix)";
                values.put(":prefix", s(prefix));
            }
        } else if (since.isPresent()) {
            index = Optional.of(UPDATED);
            names.put("#k", UPDATED);
            keyCondition += " AND #k BETWEEN :from AND :to";
            values.put(":from", s(since.get()));
            values.put(":to", s(iso));
        } else {
            index =
                    query.sortIndex() == SortIndex.DEFAULT
                            ? Optional.empty()
                            : Optional.of(query.sortIndex().wireName());
        }
        QueryRequest.Builder request =
                QueryRequest.builder()
                        .tableName(table)
                        .keyConditionExpression(keyCondition)
                        .scanIndexForward(query.ascending());
        index.ifPresent(request::indexName);
        if (query.errorBeginsWith().isPresent()) {
            names.put("#err", StateTable.LAST_ERROR);
            values.put(":err", s(query.errorBeginsWith().get()));
            request.filterExpression("begins_with(#err, :err)");
        }
        request.expressionAttributeNames(names).expressionAttributeValues(values);
        return new QueryPlan(index, request.build());
    }

    /**
     * The {@code ExclusiveStartKey} that continues after the stored {@code item}: its key and the
     * raw value of the index's range attribute.
     */
    Map<String, AttributeValue> startAfter(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> key = new HashMap<>();
        key.put(HASH_KEY, item.get(HASH_KEY));
        key.put(RANGE_KEY, item.get(RANGE_KEY));
        index.ifPresent(
                i -> {
                    if (item.containsKey(i)) {
                        key.put(i, item.get(i));
                    }
                });
        return key;
    }
}
