package cirrus.runtime.statedb;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cirrus.runtime.port.StateRecord;

/**
 * The JSON form of a state item that cirrus reports (API items, FAILED/INVALID topic messages):
 * v0.15.4 {@code dbitem_to_item}.
 *
 * @param payloadBucket the bucket where process keeps inputs ({@code <id>/input.json})
 * @param urls the console URL form of executions
 */
public record StateItems(String payloadBucket, ConsoleUrls urls) {
    /**
     * {@code {payload_id, collections, workflow, items, state, created, updated, payload,
     * executions, outputs?, last_error?}}.
     */
    public ObjectNode toItem(StateRecord record) {
        ObjectNode item = JsonNodeFactory.instance.objectNode();
        String id = record.id().toString();
        item.put("payload_id", id);
        item.put("collections", record.id().collections());
        item.put("workflow", record.id().workflow());
        item.put("items", record.id().itemIds());
        item.put("state", record.state().name());
        item.put("created", IsoTime.format(record.created()));
        item.put("updated", IsoTime.format(record.updated()));
        item.put("payload", "s3://" + payloadBucket + "/" + id + "/input.json");
        ArrayNode executions = item.putArray("executions");
        record.executions().forEach(arn -> executions.add(urls.execution(arn)));
        if (!record.outputs().isEmpty()) {
            ArrayNode outputs = item.putArray("outputs");
            record.outputs().forEach(outputs::add);
        }
        record.lastError().ifPresent(e -> item.put("last_error", e));
        return item;
    }
}
