package cirrus.runtime.payload;

import static cirrus.runtime.payload.InvalidPayloadException.Code.INVALID_ID;
import static cirrus.runtime.payload.InvalidPayloadException.Code.INVALID_JSON;
import static cirrus.runtime.payload.InvalidPayloadException.Code.INVALID_VALUE;
import static cirrus.runtime.payload.InvalidPayloadException.Code.MISSING_FIELD;
import static cirrus.runtime.payload.InvalidPayloadException.Code.WRONG_TYPE;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cirrus.runtime.json.InvalidJsonException;
import cirrus.runtime.json.Json;

/**
 * A validated Cirrus Process Payload: a STAC FeatureCollection with a {@code process} definition
 * (or a chain of them) and an id {@code <collections>/workflow-<workflow>/<item ids>}.
 *
 * <p>Checks run in the order of cirrus v0.15.4 {@code ProcessPayload.__init__}; the first failure
 * throws an {@link InvalidPayloadException} naming the field. Deprecated aliases ({@code
 * output_options}, {@code functions}) are accepted and reported in {@link #warnings()}. Features
 * without {@code links} get {@code "links": []}.
 *
 * <p>Instances are immutable: accessors return copies.
 */
public final class ProcessPayload {
    private final ObjectNode json;
    private final ObjectNode process;
    private final PayloadId payloadId;
    private final List<String> warnings;

    private ProcessPayload(
            ObjectNode json, ObjectNode process, PayloadId payloadId, List<String> warnings) {
        this.json = json;
        this.process = process;
        this.payloadId = payloadId;
        this.warnings = List.copyOf(warnings);
    }

    /**
     * Parses and validates a payload text.
     *
     * @param setIdIfMissing derive the id from the features when the payload has none
     * @throws InvalidPayloadException for invalid JSON or an invalid payload
     */
    public static ProcessPayload parse(String text, boolean setIdIfMissing) {
        JsonNode node;
        try {
            node = Json.parse(text);
        } catch (InvalidJsonException e) {
            String at = e.line() > 0 ? " at line " + e.line() + ", column " + e.column() : "";
            throw new InvalidPayloadException(INVALID_JSON, "", e.getMessage() + at);
        }
        return of(node, setIdIfMissing);
    }

    /**
     * Validates a JSON document (which is copied, never modified).
     *
     * @throws InvalidPayloadException when it is not a valid payload
     */
    public static ProcessPayload of(JsonNode document, boolean setIdIfMissing) {
        if (!(document instanceof ObjectNode source)) {
            throw new InvalidPayloadException(
                    WRONG_TYPE, "", "a process payload must be a JSON object");
        }
        ObjectNode json = source.deepCopy();
        List<String> warnings = new ArrayList<>();
        ObjectNode process = firstProcess(json);
        ArrayNode features = features(json);
        if (!json.has("id") && setIdIfMissing) {
            json.put("id", PayloadIds.derive(process, features));
        }
        if (process.has("output_options") && !process.has("upload_options")) {
            process.set("upload_options", process.get("output_options"));
            warnings.add("process.output_options is deprecated: use process.upload_options");
        }
        requireObject(process, "upload_options");
        requireText(process, "workflow");
        if (process.has("functions")) {
            process.set("tasks", process.remove("functions"));
            warnings.add("process.functions is deprecated: use process.tasks");
        }
        requireObject(process, "tasks");
        PayloadId id = validId(json);
        for (JsonNode feature : features) {
            if (!feature.has("links")) {
                ((ObjectNode) feature).putArray("links");
            }
        }
        return new ProcessPayload(json, process, id, warnings);
    }

    private static ObjectNode firstProcess(ObjectNode json) {
        JsonNode process = json.get("process");
        if (process == null || process.isNull()) {
            throw new InvalidPayloadException(
                    MISSING_FIELD, "process", "ProcessPayload must have a `process` definition");
        }
        if (process.isArray()) {
            if (process.isEmpty()) {
                throw new InvalidPayloadException(
                        INVALID_VALUE, "process", "must not be an empty array");
            }
            process = process.get(0);
            if (!process.isObject()) {
                throw new InvalidPayloadException(
                        WRONG_TYPE,
                        "process[0]",
                        "must be an object (the first process definition)");
            }
        }
        if (!(process instanceof ObjectNode object)) {
            throw new InvalidPayloadException(
                    WRONG_TYPE, "process", "must be an object or an array of objects");
        }
        return object;
    }

    private static ArrayNode features(ObjectNode json) {
        JsonNode features = json.get("features");
        if (features == null) {
            return json.arrayNode();
        }
        if (!(features instanceof ArrayNode array)) {
            throw new InvalidPayloadException(
                    WRONG_TYPE, "features", "must be an array of STAC items");
        }
        for (int i = 0; i < array.size(); i++) {
            if (!array.get(i).isObject()) {
                throw new InvalidPayloadException(
                        WRONG_TYPE, "features[" + i + "]", "must be an object (a STAC item)");
            }
        }
        return array;
    }

    private static void requireObject(ObjectNode process, String field) {
        JsonNode value = process.get(field);
        if (value == null || value.isNull()) {
            throw new InvalidPayloadException(MISSING_FIELD, "process." + field, "is required");
        }
        if (!value.isObject()) {
            throw new InvalidPayloadException(WRONG_TYPE, "process." + field, "must be an object");
        }
    }

    static String requireText(ObjectNode process, String field) {
        JsonNode value = process.get(field);
        if (value == null || value.isNull()) {
            throw new InvalidPayloadException(MISSING_FIELD, "process." + field, "is required");
        }
        if (!value.isTextual() || value.textValue().isEmpty()) {
            throw new InvalidPayloadException(
                    WRONG_TYPE, "process." + field, "must be a non-empty string");
        }
        return value.textValue();
    }

    private static PayloadId validId(ObjectNode json) {
        JsonNode id = json.get("id");
        if (id == null || id.isNull()) {
            throw new InvalidPayloadException(
                    MISSING_FIELD, "id", "is required (or derive it from the features)");
        }
        if (!id.isTextual()) {
            throw new InvalidPayloadException(WRONG_TYPE, "id", "must be a string");
        }
        PayloadId parsed;
        try {
            parsed = PayloadId.parse(id.textValue());
        } catch (IllegalArgumentException e) {
            throw new InvalidPayloadException(INVALID_ID, "id", e.getMessage());
        }
        PayloadIdRule.problem(parsed)
                .ifPresent(
                        problem -> {
                            throw InvalidPayloadException.unusableId(parsed, problem);
                        });
        return parsed;
    }

    /** The payload id text. */
    public String id() {
        return payloadId.toString();
    }

    /** The parsed payload id (state-store key). */
    public PayloadId payloadId() {
        return payloadId;
    }

    /** The workflow of the current process definition. */
    public String workflow() {
        return process.get("workflow").textValue();
    }

    /**
     * {@code process.replace}: rerun even a COMPLETED or INVALID payload. Truthy as in v0.15.4's
     * Python ({@code if process.get('replace')}): anything but a missing key, {@code null}, {@code
     * false}, {@code 0}, {@code ""}, {@code []} and {@code {}}.
     */
    public boolean replace() {
        JsonNode r = process.path("replace");
        if (r.isMissingNode() || r.isNull()) {
            return false;
        }
        if (r.isBoolean()) {
            return r.booleanValue();
        }
        if (r.isNumber()) {
            return r.doubleValue() != 0;
        }
        if (r.isTextual()) {
            return !r.textValue().isEmpty();
        }
        return r.size() > 0;
    }

    /** A copy of the current (first) process definition. */
    public ObjectNode process() {
        return process.deepCopy();
    }

    /** The configuration of task {@code name} ({@code process.tasks.<name>}), if any. */
    public Optional<JsonNode> task(String name) {
        return Optional.ofNullable(process.get("tasks").get(name)).map(JsonNode::deepCopy);
    }

    /** The upload options of the current process definition. */
    public UploadOptions uploadOptions() {
        return UploadOptions.of((ObjectNode) process.get("upload_options"));
    }

    /** Copies of the STAC items. */
    public List<ObjectNode> features() {
        List<ObjectNode> out = new ArrayList<>();
        json.path("features").forEach(f -> out.add((ObjectNode) f.deepCopy()));
        return out;
    }

    /** A payload like this one with other features (as a task returns it). */
    public ProcessPayload withFeatures(List<? extends JsonNode> features) {
        ObjectNode copy = json.deepCopy();
        ArrayNode array = copy.putArray("features");
        features.forEach(f -> array.add(f.deepCopy()));
        return of(copy, false);
    }

    /** Deprecation warnings found while validating. */
    public List<String> warnings() {
        return warnings;
    }

    /** A copy of the whole payload document. */
    public ObjectNode toJson() {
        return json.deepCopy();
    }

    /**
     * The payloads of the next workflows of a chain ({@code process} as an array): none when this
     * is the last step; one per element when the next step is a fork (an array). Each has no id
     * (the process function derives it) and, if its process has a {@code chain_filter}, only the
     * features that match it.
     *
     * @throws InvalidPayloadException when a chain_filter does not parse
     */
    public List<ObjectNode> nextPayloads() {
        JsonNode chain = json.get("process");
        if (!chain.isArray() || chain.size() <= 1) {
            return List.of();
        }
        JsonNode next = chain.get(1);
        List<JsonNode> forks = new ArrayList<>();
        if (next.isArray()) {
            next.forEach(forks::add);
        } else {
            forks.add(next);
        }
        List<ObjectNode> out = new ArrayList<>();
        for (JsonNode step : forks) {
            ObjectNode copy = json.deepCopy();
            copy.remove("id");
            ArrayNode process = (ArrayNode) copy.get("process");
            process.remove(0);
            process.set(0, step.deepCopy());
            JsonNode filter = step.get("chain_filter");
            if (filter != null) {
                if (!filter.isTextual()) {
                    throw new InvalidPayloadException(
                            WRONG_TYPE, "process.chain_filter", "must be a JSONPath filter string");
                }
                ChainFilter parsed = ChainFilter.parse(filter.textValue());
                ArrayNode kept = copy.arrayNode();
                copy.path("features")
                        .forEach(
                                f -> {
                                    if (parsed.matches(f)) {
                                        kept.add(f);
                                    }
                                });
                copy.set("features", kept);
            }
            out.add(copy);
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProcessPayload other && json.equals(other.json);
    }

    @Override
    public int hashCode() {
        return json.hashCode();
    }

    @Override
    public String toString() {
        return "ProcessPayload[" + id() + "]";
    }
}
