package cirrus.aws.dynamodb;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

import cirrus.runtime.payload.PayloadId;
import cirrus.runtime.port.StateCount;
import cirrus.runtime.port.StatePage;
import cirrus.runtime.port.StateQuery;
import cirrus.runtime.port.StateRecord;
import cirrus.runtime.port.StoreException;

/**
 * Pages and counts of a {@link StateQuery} on the state table ({@link QueryPlan} says which index
 * and conditions). Pages are exact: because DynamoDB applies {@code Limit} before the filter, a
 * page reads on until it has seen one item past its end, so that {@code nextKey} is empty exactly
 * on the last page.
 */
final class StateQueries {
    private final DynamoDbClient dynamo;
    private final String table;
    private final Instant now;

    StateQueries(DynamoDbClient dynamo, String table, Instant now) {
        this.dynamo = dynamo;
        this.table = table;
        this.now = now;
    }

    StatePage page(
            StateQuery query,
            int limit,
            Optional<PayloadId> nextKey,
            Function<PayloadId, Optional<Map<String, AttributeValue>>> raw) {

        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
        QueryPlan plan = QueryPlan.of(table, query, now);
        Map<String, AttributeValue> start = null;
        if (nextKey.isPresent()) {
            Map<String, AttributeValue> after =
                    raw.apply(nextKey.get())
                            .orElseThrow(
                                    () ->
                                            new IllegalArgumentException(
                                                    "nextkey "
                                                            + nextKey.get()
                                                            + " is not a stored payload"));
            start = plan.startAfter(after);
        }
        List<StateRecord> items = new ArrayList<>();
        try {
            // DynamoDB applies Limit before the filter: read until one item past the page is seen
            do {
                QueryRequest.Builder page =
                        plan.request().toBuilder().limit(limit + 1 - items.size());
                if (start != null) {
                    page.exclusiveStartKey(start);
                }
                QueryResponse response = dynamo.query(page.build());
                response.items().forEach(i -> StateItems.stated(i).ifPresent(items::add));
                start =
                        response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                                ? response.lastEvaluatedKey()
                                : null;
            } while (start != null && items.size() <= limit);
        } catch (SdkException e) {
            throw new StoreException("cannot query " + table + ": " + e.getMessage(), e);
        }
        if (items.size() <= limit) {
            return new StatePage(items, Optional.empty());
        }
        List<StateRecord> page = items.subList(0, limit);
        return new StatePage(page, Optional.of(page.get(limit - 1).id()));
    }

    StateCount count(StateQuery query, OptionalLong limit) {
        QueryPlan plan = QueryPlan.of(table, query, now);
        long count = 0;
        Map<String, AttributeValue> start = null;
        try {
            do {
                QueryRequest.Builder page = plan.request().toBuilder().select(Select.COUNT);
                if (start != null) {
                    page.exclusiveStartKey(start);
                }
                QueryResponse response = dynamo.query(page.build());
                count += response.count();
                if (limit.isPresent() && count > limit.getAsLong()) {
                    return new StateCount(limit.getAsLong(), true);
                }
                start =
                        response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                                ? response.lastEvaluatedKey()
                                : null;
            } while (start != null);
        } catch (SdkException e) {
            throw new StoreException("cannot count in " + table + ": " + e.getMessage(), e);
        }
        return new StateCount(count, false);
    }
}
