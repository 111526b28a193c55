package cirrus.aws.dynamodb;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The cirrus v0.15.4 state table ({@code StateTable} of the builtin CloudFormation): hash key
 * {@code collections_workflow}, range key {@code itemids}, GSIs {@code state_updated} and {@code
 * updated} on the same hash key, projection ALL, on-demand billing.
 */
public final class StateTable {
    public static final String HASH_KEY = "collections_workflow";
    public static final String RANGE_KEY = "itemids";
    public static final String STATE_UPDATED = "state_updated";
    public static final String UPDATED = "updated";
    public static final String CREATED = "created";
    public static final String EXECUTIONS = "executions";
    public static final String OUTPUTS = "outputs";
    public static final String LAST_ERROR = "last_error";
    public static final String CLAIMED_AT = "claimed_at";

    private StateTable() {}

    /** Creates the table and waits until it is active (for tests and local deployments). */
    public static void create(DynamoDbClient dynamo, String tableName) {
        dynamo.createTable(
                r ->
                        r.tableName(tableName)
                                .billingMode(BillingMode.PAY_PER_REQUEST)
                                .attributeDefinitions(
                                        string(HASH_KEY),
                                        string(RANGE_KEY),
                                        string(STATE_UPDATED),
                                        string(UPDATED))
                                .keySchema(
                                        key(HASH_KEY, KeyType.HASH), key(RANGE_KEY, KeyType.RANGE))
                                .globalSecondaryIndexes(index(STATE_UPDATED), index(UPDATED)));
        dynamo.waiter().waitUntilTableExists(r -> r.tableName(tableName));
    }

    private static AttributeDefinition string(String name) {
        return AttributeDefinition.builder()
                .attributeName(name)
                .attributeType(ScalarAttributeType.S)
                .build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    private static GlobalSecondaryIndex index(String rangeAttribute) {
        return GlobalSecondaryIndex.builder()
                .indexName(rangeAttribute)
                .keySchema(key(HASH_KEY, KeyType.HASH), key(rangeAttribute, KeyType.RANGE))
                .projection(p -> p.projectionType(ProjectionType.ALL))
                .build();
    }
}
