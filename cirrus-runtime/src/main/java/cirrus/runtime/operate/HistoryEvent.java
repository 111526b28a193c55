package cirrus.runtime.operate;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;

/**
 * One event of an execution's history, as Step Functions' GetExecutionHistory returns it.
 *
 * @param id 1-based, in order of occurrence
 * @param previousEventId the previous event of the same branch (0 for the first)
 * @param timestamp when it happened
 * @param type e.g. {@code TaskStateEntered}, {@code LambdaFunctionFailed}
 * @param details the {@code *EventDetails} member ({@code input}, {@code output} and {@code
 *     parameters} as JSON text, as the service returns them), or a null node
 */
public record HistoryEvent(
        long id, long previousEventId, Instant timestamp, String type, JsonNode details) {
    public HistoryEvent {
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(type, "type");
        details = details == null ? NullNode.getInstance() : details;
    }

    /**
     * Reads one GetExecutionHistory event ({@code id}, {@code previousEventId}, {@code timestamp}
     * as ISO-8601 text or epoch seconds, {@code type}, one {@code *EventDetails} member).
     */
    public static HistoryEvent fromJson(JsonNode event) {
        JsonNode details = null;
        var fields = event.fields();
        while (fields.hasNext()) {
            var f = fields.next();
            if (f.getKey().endsWith("EventDetails")) {
                details = f.getValue();
            }
        }
        JsonNode ts = event.path("timestamp");
        Instant timestamp =
                ts.isNumber()
                        ? Instant.ofEpochMilli(Math.round(ts.asDouble() * 1000))
                        : Instant.parse(ts.asText());
        return new HistoryEvent(
                event.path("id").asLong(),
                event.path("previousEventId").asLong(),
                timestamp,
                event.path("type").asText(),
                details);
    }

    /** A text detail (e.g. {@code name}, {@code error}, {@code resource}), when present. */
    public Optional<String> detail(String name) {
        JsonNode v = details.get(name);
        return v == null || v.isNull() ? Optional.empty() : Optional.of(v.asText());
    }
}
