package cirrus.states.run;

import java.time.Instant;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cirrus.states.json.Json;

/**
 * One event of an execution's history, shaped like an entry of Step Functions' GetExecutionHistory
 * {@code events} (see {@link #toJson()}).
 *
 * @param id 1-based, in order of occurrence
 * @param previousEventId the previous event of the same branch of execution (0 for the first)
 * @param timestamp when it happened (on the execution's clock)
 * @param type e.g. {@code TaskStateEntered}, {@code LambdaFunctionFailed}
 * @param detailsKey the name of the details member, e.g. {@code stateEnteredEventDetails}, or null
 * @param details the details; payloads ({@code input}, {@code output}, {@code parameters}) are kept
 *     as JSON values and rendered as JSON text by {@link #toJson()}
 */
public record HistoryEvent(
        long id,
        long previousEventId,
        Instant timestamp,
        String type,
        String detailsKey,
        ObjectNode details) {

    /** The event as GetExecutionHistory returns it (payloads as JSON text). */
    public ObjectNode toJson() {
        ObjectNode event = Json.object();
        event.put("timestamp", timestamp.toString());
        event.put("type", type);
        event.put("id", id);
        event.put("previousEventId", previousEventId);
        if (detailsKey != null) {
            ObjectNode rendered = Json.object();
            Iterator<Map.Entry<String, JsonNode>> fields = details.properties().iterator();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String name = field.getKey();
                if (name.equals("input") || name.equals("output") || name.equals("parameters")) {
                    rendered.put(name, Json.write(field.getValue()));
                    if (!name.equals("parameters")) {
                        rendered.putObject(name + "Details").put("truncated", false);
                    }
                } else {
                    rendered.set(name, field.getValue());
                }
            }
            event.set(detailsKey, rendered);
        }
        return event;
    }

    /** A detail, e.g. {@code name} or {@code error}, or null. */
    public JsonNode detail(String name) {
        return details == null ? null : details.get(name);
    }
}
