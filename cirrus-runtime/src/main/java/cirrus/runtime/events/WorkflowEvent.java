package cirrus.runtime.events;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cirrus.runtime.json.PythonJson;
import cirrus.runtime.port.MessageAttribute;
import cirrus.runtime.port.TopicMessage;
import cirrus.runtime.statedb.ConsoleUrls;
import cirrus.runtime.statedb.IsoTime;

/**
 * One workflow event, published to the workflow-event topic as cirrus v0.15.4 does: a JSON message
 * of the non-empty fields {@code event_type, payload_id, isotimestamp, payload_url, execution,
 * error} and attributes {@code event_type}, {@code workflow} and {@code collections} (when the id
 * is a full payload id) and {@code error}.
 *
 * @param type what happened
 * @param payloadId the payload id, or {@code unknown}
 * @param time when
 * @param payloadUrl where the payload can be read
 * @param executionArn the execution concerned
 * @param error the error message
 */
public record WorkflowEvent(
        WorkflowEventType type,
        String payloadId,
        Instant time,
        Optional<String> payloadUrl,
        Optional<String> executionArn,
        Optional<String> error) {
    private static final Pattern PAYLOAD_ID =
            Pattern.compile("(?<collections>.+)/workflow-(?<workflow>[^/]+)/(?<itemids>.+)");

    public WorkflowEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(payloadId, "payloadId");
        Objects.requireNonNull(time, "time");
        payloadUrl = payloadUrl.filter(s -> !s.isEmpty());
        executionArn = executionArn.filter(s -> !s.isEmpty());
        error = error.filter(s -> !s.isEmpty());
    }

    /** The message for the workflow-event topic. */
    public TopicMessage toMessage(ConsoleUrls urls) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("event_type", type.name());
        body.put("payload_id", payloadId);
        body.put("isotimestamp", IsoTime.format(time));
        payloadUrl.ifPresent(u -> body.put("payload_url", u));
        executionArn.ifPresent(a -> body.put("execution", urls.execution(a)));
        error.ifPresent(e -> body.put("error", e));
        Map<String, MessageAttribute> attributes = new LinkedHashMap<>();
        attributes.put("event_type", MessageAttribute.string(type.name()));
        Matcher m = PAYLOAD_ID.matcher(payloadId);
        if (m.matches()) {
            attributes.put("workflow", MessageAttribute.string(m.group("workflow")));
            attributes.put("collections", MessageAttribute.string(m.group("collections")));
        }
        error.ifPresent(e -> attributes.put("error", MessageAttribute.string(e)));
        return new TopicMessage(PythonJson.dumps(body), attributes);
    }
}
