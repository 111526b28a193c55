package cirrus.local.api;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cirrus.local.batch.Job;
import cirrus.local.batch.JobJson;
import cirrus.local.batch.JobStatus;
import cirrus.local.engine.ExecutionRecord;
import cirrus.local.engine.LocalEngine;
import cirrus.local.http.HttpProblem;
import cirrus.local.http.PercentDecoding;
import cirrus.local.model.LocalResource;
import cirrus.local.model.ResourceKind;
import cirrus.runtime.payload.InvalidPayloadException;
import cirrus.runtime.payload.PayloadId;
import cirrus.runtime.payload.ProcessPayload;
import cirrus.runtime.port.StateQuery;
import cirrus.runtime.port.StateRecord;
import cirrus.runtime.port.WorkflowState;
import cirrus.runtime.statedb.ConsoleUrls;
import cirrus.runtime.statedb.Since;
import cirrus.runtime.statedb.StateItems;
import cirrus.states.run.ExecutionStatus;

/** The routes of the local API (see {@link LocalApiServer}); thin views over the engine. */
final class ApiRoutes {
    record Response(int status, JsonNode body) {}

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private final LocalEngine engine;
    private final StateItems items;

    ApiRoutes(LocalEngine engine) {
        this.engine = engine;
        this.items =
                new StateItems(
                        engine.model().bucket("Payloads").map(b -> b.name()).orElse(""),
                        new ConsoleUrls(engine.model().names().region()));
    }

    Response route(String method, String path, Map<String, String> query, JsonNode body) {
        String[] parts = path.replaceAll("^/+|/+$", "").split("/", 2);
        String resource = parts[0];
        String rest = parts.length > 1 ? PercentDecoding.path(parts[1]) : "";
        switch (method + " " + resource) {
            case "GET health":
            case "GET ":
                return ok(health());
            case "POST payloads":
                return new Response(202, submit(body));
            case "GET payloads":
                return ok(rest.isEmpty() ? payloads(query) : payload(rest));
            case "POST rerun":
                return ok(engine.rerun(body));
            case "GET executions":
                return ok(rest.isEmpty() ? executions(query) : execution(rest));
            case "GET jobs":
                return ok(rest.isEmpty() ? jobs(query) : job(rest));
            default:
                throw new HttpProblem(
                        List.of("health", "payloads", "rerun", "executions", "jobs")
                                        .contains(resource)
                                ? 405
                                : 404,
                        "NotFound",
                        method + " " + path + " is not part of the local API (see GET /health)");
        }
    }

    private static Response ok(JsonNode body) {
        return new Response(200, body);
    }

    private ObjectNode health() {
        ObjectNode o = NODES.objectNode();
        o.put("status", "ok");
        o.put("stack", engine.model().names().stackName());
        o.put("region", engine.model().names().region());
        ArrayNode workflows = o.putArray("workflows");
        engine.model().stateMachines().keySet().forEach(workflows::add);
        ObjectNode invalid = o.putObject("invalid_workflows");
        engine.invalidWorkflows().forEach(invalid::put);
        o.put("queued", engine.queuedPayloads());
        ObjectNode counts = o.putObject("executions");
        engine.executions().counts().forEach((s, n) -> counts.put(s.name(), n));
        return o;
    }

    private ObjectNode submit(JsonNode body) {
        List<JsonNode> payloads = new ArrayList<>();
        if (body != null && body.isArray()) {
            body.forEach(payloads::add);
        } else if (body != null) {
            payloads.add(body);
        }
        ArrayNode ids = NODES.arrayNode();
        for (int i = 0; i < payloads.size(); i++) {
            try {
                ids.add(ProcessPayload.of(payloads.get(i).deepCopy(), true).id());
            } catch (InvalidPayloadException e) {
                throw HttpProblem.badRequest(
                        e.code().id(),
                        (payloads.size() > 1 ? "payload " + i + ": " : "") + e.getMessage());
            }
        }
        engine.submitAll(payloads);
        ObjectNode o = NODES.objectNode();
        o.set("submitted", ids);
        return o;
    }

    private ObjectNode payloads(Map<String, String> query) {
        String collections = query.get("collections");
        String workflow = query.get("workflow");
        if (collections == null || workflow == null) {
            return summary();
        }
        StateQuery q = StateQuery.of(collections + "_" + workflow);
        try {
            if (query.containsKey("state")) {
                q = q.withState(WorkflowState.valueOf(query.get("state").toUpperCase(Locale.ROOT)));
            }
            if (query.containsKey("since")) {
                q = q.withSince(Since.parse(query.get("since")));
            }
        } catch (IllegalArgumentException e) {
            throw HttpProblem.badRequest("BadQuery", e.getMessage());
        }
        if (query.containsKey("error_begins_with")) {
            q = q.withErrorBeginsWith(query.get("error_begins_with"));
        }
        int limit = intParam(query, "limit", 100);
        ArrayNode out = NODES.arrayNode();
        engine.states()
                .query(q, limit, Optional.empty())
                .items()
                .forEach(r -> out.add(items.toItem(r)));
        ObjectNode o = NODES.objectNode();
        o.set("items", out);
        return o;
    }

    private ObjectNode summary() {
        ObjectNode o = NODES.objectNode();
        ArrayNode workflows = o.putArray("workflows");
        engine.stores()
                .database()
                .read(
                        c -> {
                            try (Statement s = c.createStatement();
                                    ResultSet rs =
                                            s.executeQuery(
                                                    "SELECT collections_workflow, state, COUNT(*) FROM state_items"
                                                            + " GROUP BY collections_workflow, state"
                                                            + " ORDER BY collections_workflow, state")) {
                                ObjectNode current = null;
                                while (rs.next()) {
                                    String key = rs.getString(1);
                                    int at = key.lastIndexOf('_');
                                    if (current == null
                                            || !current.path("key").asText().equals(key)) {
                                        current = workflows.addObject();
                                        current.put("key", key);
                                        current.put(
                                                "collections", key.substring(0, Math.max(0, at)));
                                        current.put("workflow", key.substring(at + 1));
                                        current.putObject("counts");
                                    }
                                    current.with("counts").put(rs.getString(2), rs.getLong(3));
                                }
                            }
                            return null;
                        });
        workflows.forEach(w -> ((ObjectNode) w).remove("key"));
        return o;
    }

    private ObjectNode payload(String id) {
        PayloadId pid;
        try {
            pid = PayloadId.parse(id);
        } catch (IllegalArgumentException e) {
            throw HttpProblem.badRequest("CIRRUS-P004", e.getMessage());
        }
        StateRecord record =
                engine.states()
                        .get(pid)
                        .orElseThrow(() -> HttpProblem.notFound("no payload " + id));
        ObjectNode item = items.toItem(record);
        ArrayNode executions = item.putArray("execution_details");
        for (String arn : record.executions()) {
            engine.executions()
                    .get(arn)
                    .ifPresent(e -> executions.add(ApiViews.execution(e, false)));
        }
        return item;
    }

    private ObjectNode executions(Map<String, String> query) {
        Optional<ExecutionStatus> status;
        try {
            status =
                    Optional.ofNullable(query.get("status"))
                            .map(s -> ExecutionStatus.valueOf(s.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw HttpProblem.badRequest("BadQuery", "unknown status " + query.get("status"));
        }
        List<ExecutionRecord> list =
                engine.executions()
                        .list(
                                Optional.ofNullable(query.get("workflow")),
                                status,
                                Optional.ofNullable(query.get("payload_id")),
                                intParam(query, "limit", 100));
        ObjectNode o = NODES.objectNode();
        ArrayNode out = o.putArray("executions");
        list.forEach(e -> out.add(ApiViews.execution(e, false)));
        return o;
    }

    private JsonNode execution(String rest) {
        boolean history = rest.endsWith("/history");
        String arn = history ? rest.substring(0, rest.length() - "/history".length()) : rest;
        ExecutionRecord e =
                engine.executions()
                        .get(arn)
                        .orElseThrow(() -> HttpProblem.notFound("no execution " + arn));
        if (!history) {
            return ApiViews.execution(e, true);
        }
        ObjectNode o = NODES.objectNode();
        ArrayNode events = o.putArray("events");
        engine.executions().history(arn).forEach(events::add);
        return o;
    }

    private ObjectNode jobs(Map<String, String> query) {
        ObjectNode o = NODES.objectNode();
        ArrayNode out = o.putArray("jobs");
        if (engine.batch().isEmpty()) {
            return o;
        }
        List<JobStatus> statuses;
        try {
            statuses =
                    query.containsKey("status")
                            ? List.of(
                                    JobStatus.valueOf(query.get("status").toUpperCase(Locale.ROOT)))
                            : List.of(JobStatus.values());
        } catch (IllegalArgumentException e) {
            throw HttpProblem.badRequest("BadQuery", "unknown job status " + query.get("status"));
        }
        for (LocalResource queue : engine.model().resources(ResourceKind.JOB_QUEUE)) {
            if (query.containsKey("queue") && !query.get("queue").equals(queue.name())) {
                continue;
            }
            for (JobStatus s : statuses) {
                for (Job job : engine.batch().get().listJobs(queue.name(), s)) {
                    out.add(ApiViews.job(job));
                }
            }
        }
        return o;
    }

    private JsonNode job(String id) {
        Job job =
                engine.batch()
                        .flatMap(b -> b.job(id))
                        .orElseThrow(() -> HttpProblem.notFound("no Batch job " + id));
        return JobJson.detail(job);
    }

    private static int intParam(Map<String, String> query, String name, int fallback) {
        String v = query.get(name);
        if (v == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v);
            if (n < 1) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw HttpProblem.badRequest(
                    "BadQuery", name + " must be a positive integer, got " + v);
        }
    }
}
