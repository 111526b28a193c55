package cirrus.runtime.builtin;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cirrus.runtime.json.PythonJson;
import cirrus.runtime.payload.PayloadId;
import cirrus.runtime.port.BlobNotFoundException;
import cirrus.runtime.port.BlobStore;
import cirrus.runtime.port.BlobUrl;
import cirrus.runtime.port.SortIndex;
import cirrus.runtime.port.StateCount;
import cirrus.runtime.port.StateQuery;
import cirrus.runtime.port.StateRecord;
import cirrus.runtime.port.StateStore;
import cirrus.runtime.port.WorkflowState;
import cirrus.runtime.statedb.Since;
import cirrus.runtime.statedb.StateItems;

/**
 * The {@code api} function (API Gateway REST proxy) over the state store, with the routes of cirrus
 * v0.15.4: {@code /} (root catalog links), {@code /<collections>/workflow-<wf>} (counts per state),
 * {@code /<collections>/workflow-<wf>/items} (one page of items), {@code /<payload id>} (one item),
 * and the legacy {@code /item/…} and {@code /collections/…} forms. {@code /stats} answers 404
 * (there is no timeseries database). An unknown payload id is a 404 (cirrus v0.15.4 crashed with a
 * 502).
 */
public final class ApiFunction {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final StateStore states;
    private final BlobStore blobs;
    private final String dataBucket;
    private final StateItems items;

    public ApiFunction(StateStore states, BlobStore blobs, String dataBucket, StateItems items) {
        this.states = Objects.requireNonNull(states, "states");
        this.blobs = Objects.requireNonNull(blobs, "blobs");
        this.dataBucket = Objects.requireNonNull(dataBucket, "dataBucket");
        this.items = Objects.requireNonNull(items, "items");
    }

    /**
     * An API answer.
     *
     * @param status the HTTP status
     * @param body the JSON body
     */
    public record Response(int status, JsonNode body) {
        /** The Lambda proxy response: status, CORS headers and the body as JSON text. */
        public ObjectNode toLambdaResponse() {
            ObjectNode out = JSON.objectNode();
            out.put("statusCode", status);
            out.putObject("headers")
                    .put("Access-Control-Allow-Origin", "*")
                    .put("Access-Control-Allow-Credentials", "true");
            out.put("body", PythonJson.dumps(body));
            return out;
        }
    }

    /** Answers an API Gateway proxy event. */
    public Response handle(JsonNode event) {
        JsonNode context = event.path("requestContext");
        Optional<String> rootUrl =
                Optional.ofNullable(context.get("domainName"))
                        .filter(JsonNode::isTextual)
                        .map(d -> "https://" + d.asText() + context.path("path").asText("") + "/");
        List<String> parts =
                new ArrayList<>(Arrays.asList(event.path("path").asText("").split("/")));
        parts.removeIf(String::isEmpty);
        if (!parts.isEmpty() && parts.get(0).equals(context.path("stage").asText(null))) {
            parts.remove(0);
        }
        return handle(
                event.path("path").asText(""),
                parts,
                params(event.path("queryStringParameters")),
                rootUrl);
    }

    /**
     * Answers a request served directly over HTTP (e.g. by {@code cirrus serve} under {@code
     * /api/}).
     *
     * @param path the decoded path below the API's root, e.g. {@code /sentinel-2/workflow-cog}
     * @param query the query parameters
     * @param rootUrl the API's root URL, ending with {@code /}, for the links of {@code /}
     */
    public Response handle(String path, Map<String, String> query, Optional<String> rootUrl) {
        List<String> parts = new ArrayList<>(Arrays.asList(path.split("/")));
        parts.removeIf(String::isEmpty);
        return handle(path, parts, query, rootUrl);
    }

    private Response handle(
            String path, List<String> parts, Map<String, String> query, Optional<String> rootUrl) {
        boolean legacy =
                !parts.isEmpty()
                        && (parts.get(0).equals("item") || parts.get(0).equals("collections"));
        if (legacy) {
            parts.remove(0);
        }
        String id = String.join("/", parts);
        try {
            if (id.isEmpty()) {
                return root(rootUrl);
            }
            if (id.equals("stats")) {
                return error(
                        404,
                        "Endpoint /stats is not enabled because timeseries database is not configured");
            }
            if (!id.contains("/workflow-")) {
                return new Response(400, JSON.textNode(path + " not found"));
            }
            boolean itemsRoute = id.endsWith("/items");
            PayloadId payloadId =
                    PayloadId.parse(
                            itemsRoute ? id.substring(0, id.length() - "/items".length()) : id);
            if (itemsRoute) {
                return itemList(payloadId, query, legacy);
            }
            if (payloadId.itemIds().isEmpty()) {
                return summary(payloadId, query);
            }
            return states.get(payloadId)
                    .map(r -> new Response(200, transform(r, legacy)))
                    .orElseGet(() -> error(404, "payload " + payloadId + " not found"));
        } catch (IllegalArgumentException e) {
            return error(400, e.getMessage());
        }
    }

    private Response root(Optional<String> rootUrl) {
        JsonNode catalog;
        BlobUrl url = new BlobUrl(dataBucket, "catalog.json");
        try {
            catalog = blobs.getJson(url);
        } catch (BlobNotFoundException e) {
            return error(404, "no catalog at " + url);
        }
        String root = rootUrl.orElse("");
        ObjectNode body = JSON.objectNode();
        body.put("id", catalog.path("id").asText() + "-state-api");
        body.put("description", catalog.path("description").asText() + " State API");
        ArrayNode links = body.putArray("links");
        links.addObject().put("title", "home").put("href", root).put("rel", "self");
        for (Map.Entry<String, JsonNode> e :
                catalog.path("cirrus").path("workflows").properties()) {
            for (JsonNode workflow : e.getValue()) {
                links.addObject()
                        .put("title", e.getKey() + " - " + workflow.asText())
                        .put("href", root + e.getKey() + "/workflow-" + workflow.asText())
                        .put("rel", "child");
            }
        }
        links.addObject().put("href", url.toString()).put("rel", "stac");
        return new Response(200, body);
    }

    private Response summary(PayloadId id, Map<String, String> query) {
        ObjectNode body = JSON.objectNode();
        body.put("collections", id.collections());
        body.put("workflow", id.workflow());
        ObjectNode counts = body.putObject("counts");
        OptionalLong limit =
                query.containsKey("limit")
                        ? OptionalLong.of(Long.parseLong(query.get("limit")))
                        : OptionalLong.empty();
        for (WorkflowState state : WorkflowState.V0_STATES) {
            StateCount count = states.count(query(id, query).withState(state), limit);
            if (count.capped()) {
                counts.put(state.name(), count.toString());
            } else {
                counts.put(state.name(), count.count());
            }
        }
        return new Response(200, body);
    }

    private Response itemList(PayloadId id, Map<String, String> query, boolean legacy) {
        int limit = Integer.parseInt(query.getOrDefault("limit", "100000"));
        Optional<PayloadId> next = Optional.ofNullable(query.get("nextkey")).map(PayloadId::parse);
        ObjectNode body = JSON.objectNode();
        ArrayNode list = body.putArray("items");
        for (StateRecord record : states.query(query(id, query), limit, next).items()) {
            list.add(transform(record, legacy));
        }
        return new Response(200, body);
    }

    private static StateQuery query(PayloadId id, Map<String, String> params) {
        StateQuery query =
                StateQuery.of(id.collectionsWorkflow())
                        .withAscending(
                                Integer.parseInt(params.getOrDefault("sort_ascending", "0")) != 0)
                        .withSortIndex(
                                SortIndex.ofWireName(params.getOrDefault("sort_index", "updated")));
        if (params.containsKey("state")) {
            query = query.withState(WorkflowState.valueOf(params.get("state")));
        }
        if (params.containsKey("since")) {
            query = query.withSince(Since.parse(params.get("since")));
        }
        return query;
    }

    private ObjectNode transform(StateRecord record, boolean legacy) {
        ObjectNode item = items.toItem(record);
        if (!legacy) {
            item.put("catid", item.path("payload_id").asText());
            item.put("catalog", item.path("payload").asText());
            return item;
        }
        ObjectNode old = JSON.objectNode();
        old.put("id", item.path("payload_id").asText());
        old.put("catid", item.path("payload_id").asText());
        old.put("input_collections", item.path("collections").asText());
        old.put("current_state", item.path("state").asText() + "_" + item.path("updated").asText());
        old.put("state", item.path("state").asText());
        old.put("created_at", item.path("created").asText());
        old.put("updated_at", item.path("updated").asText());
        old.put("input_catalog", item.path("payload").asText());
        JsonNode executions = item.path("executions");
        if (!executions.isEmpty()) {
            old.set("execution", executions.get(executions.size() - 1));
        }
        if (item.has("outputs")) {
            old.set("items", item.get("outputs"));
        }
        if (item.has("last_error")) {
            old.set("error_message", item.get("last_error"));
        }
        return old;
    }

    private static Map<String, String> params(JsonNode node) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        node.properties().forEach(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    private static Response error(int status, String message) {
        return new Response(status, JSON.objectNode().put("error", message));
    }
}
