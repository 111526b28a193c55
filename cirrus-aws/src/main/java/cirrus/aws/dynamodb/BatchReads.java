package cirrus.aws.dynamodb;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

import cirrus.aws.config.Backoff;
import cirrus.runtime.port.StoreException;

/**
 * {@code BatchGetItem} of up to 100 keys, re-requesting {@code UnprocessedKeys} (which DynamoDB
 * returns under load instead of an error) with backoff and jitter, a bounded number of times.
 */
final class BatchReads {
    private static final int MAX_ROUNDS = 10;

    private BatchReads() {}

    static List<Map<String, AttributeValue>> getAll(
            DynamoDbClient dynamo, String table, List<Map<String, AttributeValue>> keys) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, KeysAndAttributes> pending =
                Map.of(table, KeysAndAttributes.builder().keys(keys).consistentRead(true).build());
        for (int round = 0; round < MAX_ROUNDS; round++) {
            BatchGetItemResponse response;
            try {
                Map<String, KeysAndAttributes> request = pending;
                response = dynamo.batchGetItem(r -> r.requestItems(request));
            } catch (SdkException e) {
                throw new StoreException(
                        "cannot read items of " + table + ": " + e.getMessage(), e);
            }
            items.addAll(response.responses().getOrDefault(table, List.of()));
            if (!response.hasUnprocessedKeys() || response.unprocessedKeys().isEmpty()) {
                return items;
            }
            pending = response.unprocessedKeys();
            Backoff.sleep(round);
        }
        throw new StoreException(
                "cannot read items of "
                        + table
                        + ": keys still unprocessed after "
                        + MAX_ROUNDS
                        + " attempts");
    }
}
