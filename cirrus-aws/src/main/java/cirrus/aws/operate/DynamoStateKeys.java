package cirrus.aws.operate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

import cirrus.aws.dynamodb.StateTable;
import cirrus.runtime.operate.PayloadFilter;
import cirrus.runtime.operate.StateKeys;

/**
 * The {@code collections_workflow} keys of the state table. With both {@code collections} and
 * {@code workflow} in the filter the key is known and nothing is read. Otherwise DynamoDB offers no
 * way to list hash keys but a scan: a key-only scan ({@code ProjectionExpression}) of the {@code
 * state_updated} index, paged at 1 MB by the service, retried with backoff by the SDK. Counts and
 * listings then use index queries per key.
 */
final class DynamoStateKeys implements StateKeys {
    private final DynamoDbClient dynamo;
    private final String table;

    DynamoStateKeys(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public List<String> keys(PayloadFilter filter) {
        if (filter.collections().isPresent() && filter.workflow().isPresent()) {
            return List.of(filter.collections().get() + "_" + filter.workflow().get());
        }
        TreeSet<String> keys = new TreeSet<>();
        Map<String, AttributeValue> start = null;
        try {
            do {
                ScanRequest.Builder request =
                        ScanRequest.builder()
                                .tableName(table)
                                .indexName(StateTable.STATE_UPDATED)
                                .projectionExpression("#k")
                                .expressionAttributeNames(Map.of("#k", StateTable.HASH_KEY));
                if (start != null) {
                    request.exclusiveStartKey(start);
                }
                ScanResponse page = dynamo.scan(request.build());
                page.items().forEach(i -> keys.add(i.get(StateTable.HASH_KEY).s()));
                start =
                        page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()
                                ? page.lastEvaluatedKey()
                                : null;
            } while (start != null);
        } catch (RuntimeException e) {
            throw AwsErrors.of("Scan " + table, e);
        }
        List<String> selected = new ArrayList<>();
        for (String key : keys) {
            if (filter.selects(key)) {
                selected.add(key);
            }
        }
        return selected;
    }
}
