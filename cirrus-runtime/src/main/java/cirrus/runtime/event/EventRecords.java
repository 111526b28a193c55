package cirrus.runtime.event;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cirrus.runtime.json.InvalidJsonException;
import cirrus.runtime.json.Json;

/**
 * Takes payloads out of the events that carry them, as cirrus {@code normalize_event} and {@code
 * extract_record}: a plain payload, SQS records ({@code body}), SNS records ({@code Sns.Message}),
 * SNS notifications delivered through SQS ({@code body} holding an SNS envelope), and an AWS Batch
 * job description (its {@code Parameters.url_out} becomes {@code {"url": …}}).
 */
public final class EventRecords {
    private EventRecords() {}

    /** The records of an event: {@code Records} if present, else the event itself. */
    public static List<JsonNode> normalize(JsonNode event) {
        JsonNode records = event.get("Records");
        List<JsonNode> out = new ArrayList<>();
        if (records != null && records.isArray()) {
            records.forEach(out::add);
        } else {
            out.add(event);
        }
        return out;
    }

    /**
     * The payload (or {@code {"url"}} reference) of one record.
     *
     * @throws RecordExtractException when a body or message is not JSON
     */
    public static JsonNode extract(JsonNode record) {
        JsonNode payload = record;
        if (record.has("body")) {
            payload = parse(record.get("body"), "body");
        } else if (record.has("Sns")) {
            payload = record.get("Sns");
        }
        if (payload.has("Message")) {
            payload = parse(payload.get("Message"), "Message");
        }
        JsonNode urlOut = payload.path("Parameters").get("url_out");
        if (!payload.has("url") && urlOut != null && !urlOut.isNull()) {
            ObjectNode ref = JsonNodeFactory.instance.objectNode();
            ref.set("url", urlOut);
            payload = ref;
        }
        return payload;
    }

    /** {@link #extract} of every record of {@link #normalize}. */
    public static List<JsonNode> payloads(JsonNode event) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode record : normalize(event)) {
            out.add(extract(record));
        }
        return out;
    }

    private static JsonNode parse(JsonNode text, String field) {
        if (!text.isTextual()) {
            return text;
        }
        try {
            return Json.parse(text.textValue());
        } catch (InvalidJsonException e) {
            throw new RecordExtractException("record " + field + " is not JSON: " + e.getMessage());
        }
    }
}
