package cirrus.aws.operate;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;

/**
 * An SDK model object as the JSON the service sent (member names as on the wire), e.g. a Step
 * Functions {@code HistoryEvent} as GetExecutionHistory returns it; times as ISO-8601 text.
 */
final class SdkJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private SdkJson() {}

    static ObjectNode of(SdkPojo pojo) {
        ObjectNode o = NODES.objectNode();
        for (SdkField<?> field : pojo.sdkFields()) {
            Object value = field.getValueOrDefault(pojo);
            if (value != null) {
                o.set(field.locationName(), value(value));
            }
        }
        return o;
    }

    private static JsonNode value(Object value) {
        if (value instanceof SdkPojo p) {
            return of(p);
        }
        if (value instanceof Collection<?> c) {
            ArrayNode a = NODES.arrayNode();
            c.forEach(v -> a.add(value(v)));
            return a;
        }
        if (value instanceof Map<?, ?> m) {
            ObjectNode o = NODES.objectNode();
            m.forEach((k, v) -> o.set(String.valueOf(k), value(v)));
            return o;
        }
        if (value instanceof Instant t) {
            return NODES.textNode(t.toString());
        }
        if (value instanceof Long l) {
            return NODES.numberNode(l);
        }
        if (value instanceof Integer i) {
            return NODES.numberNode(i);
        }
        if (value instanceof Boolean b) {
            return NODES.booleanNode(b);
        }
        return NODES.textNode(String.valueOf(value));
    }
}
