package cirrus.local.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cirrus.states.run.TaskRequest;

/** Task requests as JSON, to store them with the execution that waits for them. */
final class TaskRequests {
    private TaskRequests() {}

    static ObjectNode toJson(TaskRequest r) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("token", r.token());
        o.put("resource", r.resource());
        o.set("input", r.input());
        o.put("stateName", r.stateName());
        o.put("executionArn", r.executionArn());
        if (r.timeoutSeconds() != null) {
            o.put("timeoutSeconds", r.timeoutSeconds());
        }
        if (r.heartbeatSeconds() != null) {
            o.put("heartbeatSeconds", r.heartbeatSeconds());
        }
        if (r.credentials() != null) {
            o.set("credentials", r.credentials());
        }
        return o;
    }

    static TaskRequest fromJson(JsonNode o) {
        return new TaskRequest(
                o.path("token").asText(),
                o.path("resource").asText(),
                o.get("input"),
                o.path("stateName").asText(),
                o.path("executionArn").asText(),
                o.hasNonNull("timeoutSeconds") ? o.get("timeoutSeconds").asInt() : null,
                o.hasNonNull("heartbeatSeconds") ? o.get("heartbeatSeconds").asInt() : null,
                o.get("credentials"));
    }
}
