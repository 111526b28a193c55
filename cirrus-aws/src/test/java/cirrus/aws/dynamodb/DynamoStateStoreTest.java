package cirrus.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

import cirrus.aws.config.AwsClients;
import cirrus.aws.moto.MotoAws;
import cirrus.aws.moto.MotoExtension;
import cirrus.aws.moto.MotoServer;
import cirrus.runtime.port.ClaimRequest;
import cirrus.runtime.port.MutableClock;
import cirrus.runtime.port.StateStore;
import cirrus.runtime.port.StateStoreContractTest;
import cirrus.runtime.port.WorkflowState;

@ExtendWith(MotoExtension.class)
class DynamoStateStoreTest extends StateStoreContractTest {
    private static final String TABLE = "cirrus-test-state";
    private static AwsClients clients;

    @Override
    protected StateStore createStore(MutableClock clock) {
        if (clients == null) {
            clients = MotoAws.clients(MotoServer.shared());
        }
        StateTable.create(clients.dynamoDb(), TABLE);
        return new DynamoStateStore(clients.dynamoDb(), TABLE, clock);
    }

    @AfterAll
    static void closeClients() {
        if (clients != null) {
            clients.close();
            clients = null;
        }
    }

    private Map<String, AttributeValue> rawItem(String itemIds) {
        return clients.dynamoDb()
                .getItem(r -> r.tableName(TABLE).key(StateItems.key(id(itemIds))))
                .item();
    }

    @Test
    void theTableHasTheV0KeysAndIndexes() {
        TableDescription table = clients.dynamoDb().describeTable(r -> r.tableName(TABLE)).table();
        assertThat(table.keySchema())
                .extracting(k -> k.attributeName() + ":" + k.keyTypeAsString())
                .containsExactly("collections_workflow:HASH", "itemids:RANGE");
        assertThat(table.globalSecondaryIndexes())
                .extracting(i -> i.indexName())
                .containsExactlyInAnyOrder("state_updated", "updated");
    }

    @Test
    void itemsUseTheV0AttributeNamesAndTimestampText() {
        store.setProcessing(id("a"), "arn:aws:states:us-east-1:123456789012:execution:x:1");
        store.setFailed(id("a"), "Exception: boom");
        Map<String, AttributeValue> item = rawItem("a");
        assertThat(item.get("collections_workflow").s()).isEqualTo(CW);
        assertThat(item.get("itemids").s()).isEqualTo("a");
        assertThat(item.get("state_updated").s())
                .isEqualTo("FAILED_2024-01-02T03:04:05.000000+00:00");
        assertThat(item.get("created").s()).isEqualTo("2024-01-02T03:04:05.000000+00:00");
        assertThat(item.get("updated").s()).isEqualTo("2024-01-02T03:04:05.000000+00:00");
        assertThat(item.get("last_error").s()).isEqualTo("Exception: boom");
        assertThat(item.get("executions").l()).extracting(AttributeValue::s).hasSize(1);
    }

    @Test
    void itemsWrittenByPythonCirrusAreRead() {
        // v0.15.4 writes isoformat() without microseconds when they are zero, and no claimed_at
        clients.dynamoDb()
                .putItem(
                        r ->
                                r.tableName(TABLE)
                                        .item(
                                                Map.of(
                                                        "collections_workflow",
                                                                AttributeValue.fromS(CW),
                                                        "itemids", AttributeValue.fromS("py"),
                                                        "created",
                                                                AttributeValue.fromS(
                                                                        "2024-01-01T00:00:00+00:00"),
                                                        "updated",
                                                                AttributeValue.fromS(
                                                                        "2024-01-01T00:00:01.5+00:00"),
                                                        "state_updated",
                                                                AttributeValue.fromS(
                                                                        "COMPLETED_2024-01-01T00:00:01.5+00:00"),
                                                        "outputs",
                                                                AttributeValue.fromL(
                                                                        java.util.List.of(
                                                                                AttributeValue
                                                                                        .fromS(
                                                                                                "s3://d/x.json"))))));
        var record = store.get(id("py")).orElseThrow();
        assertThat(record.state()).isEqualTo(WorkflowState.COMPLETED);
        assertThat(record.outputs()).containsExactly("s3://d/x.json");
        assertThat(record.executions()).isEmpty();
        assertThat(store.claim(new ClaimRequest(id("py"), "arn:x:1", 0)))
                .isInstanceOf(cirrus.runtime.port.ClaimResult.Claimed.class);
        assertThat(rawItem("py")).doesNotContainKey("outputs").containsKey("claimed_at");
    }
}
