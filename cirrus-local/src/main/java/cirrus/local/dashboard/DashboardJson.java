package cirrus.local.dashboard;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cirrus.runtime.json.InvalidJsonException;
import cirrus.runtime.json.Json;
import cirrus.runtime.operate.BatchJobStatus;
import cirrus.runtime.operate.BatchOverview;
import cirrus.runtime.operate.ExecutionSummary;
import cirrus.runtime.operate.ExecutionTimeline;
import cirrus.runtime.operate.HistoryEvent;
import cirrus.runtime.operate.LogLine;
import cirrus.runtime.operate.StateSpan;
import cirrus.runtime.operate.WorkflowCounts;
import cirrus.runtime.port.WorkflowState;

/** The JSON the dashboard's pages read: plain views of the read model's records. */
final class DashboardJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** History events sent at most (a Map over thousands of items has a long history). */
    static final int MAX_EVENTS = 2_000;

    private DashboardJson() {}

    static ObjectNode counts(WorkflowCounts c) {
        ObjectNode o = NODES.objectNode();
        o.put("collections", c.collections());
        o.put("workflow", c.workflow());
        ObjectNode counts = o.putObject("counts");
        for (WorkflowState s : WorkflowState.values()) {
            counts.put(s.name(), c.count(s).count());
        }
        o.put("total", c.total());
        return o;
    }

    static ObjectNode execution(ExecutionSummary e) {
        ObjectNode o = NODES.objectNode();
        o.put("arn", e.arn());
        o.put("name", e.name());
        o.put("stateMachine", e.stateMachine());
        o.put("status", e.status().name());
        e.startTime().ifPresent(t -> o.put("start", t.toString()));
        e.stopTime().ifPresent(t -> o.put("stop", t.toString()));
        e.error().ifPresent(s -> o.put("error", s));
        e.cause().ifPresent(s -> o.put("cause", s));
        return o;
    }

    /**
     * An execution to draw: its summary, the definition it ran, each state's runs with their input,
     * output and timing, and the history.
     */
    static ObjectNode timeline(ExecutionTimeline t, Optional<JsonNode> definition, Instant now) {
        ObjectNode o = NODES.objectNode();
        o.set("execution", execution(t.execution()));
        o.set("definition", definition.orElse(NODES.nullNode()));
        Map<String, List<HistoryEvent>> entered = new HashMap<>();
        Map<String, List<HistoryEvent>> exited = new HashMap<>();
        for (HistoryEvent e : t.events()) {
            String name = e.detail("name").orElse(null);
            if (name == null) {
                continue;
            }
            if (e.type().endsWith("StateEntered")) {
                entered.computeIfAbsent(name, n -> new ArrayList<>()).add(e);
            } else if (e.type().endsWith("StateExited")) {
                exited.computeIfAbsent(name, n -> new ArrayList<>()).add(e);
            }
        }
        Map<String, Integer> seen = new HashMap<>();
        ArrayNode states = o.putArray("states");
        for (StateSpan span : t.states()) {
            int k = seen.merge(span.name(), 1, Integer::sum) - 1;
            ObjectNode s = states.addObject();
            s.put("name", span.name());
            s.put("type", span.type());
            s.put("status", span.status().name());
            s.put("entered", span.entered().toString());
            span.exited().ifPresent(x -> s.put("exited", x.toString()));
            s.put("durationMs", span.duration(now).toMillis());
            span.error().ifPresent(x -> s.put("error", x));
            span.cause().ifPresent(x -> s.put("cause", x));
            nth(entered.get(span.name()), k)
                    .flatMap(e -> e.detail("input"))
                    .ifPresent(x -> s.set("input", parsed(x)));
            nth(exited.get(span.name()), k)
                    .flatMap(e -> e.detail("output"))
                    .ifPresent(x -> s.set("output", parsed(x)));
        }
        ArrayNode events = o.putArray("events");
        List<HistoryEvent> all = t.events();
        for (HistoryEvent e : all.subList(Math.max(0, all.size() - MAX_EVENTS), all.size())) {
            ObjectNode ev = events.addObject();
            ev.put("id", e.id());
            ev.put("timestamp", e.timestamp().toString());
            ev.put("type", e.type());
            e.detail("name").ifPresent(n -> ev.put("name", n));
            e.detail("error").ifPresent(n -> ev.put("error", n));
            e.detail("cause").ifPresent(n -> ev.put("cause", shorten(n, 2_000)));
        }
        o.put("eventCount", all.size());
        return o;
    }

    static ObjectNode batch(BatchOverview b, VcpuHistory history) {
        ObjectNode o = NODES.objectNode();
        ArrayNode queues = o.putArray("queues");
        for (BatchOverview.Queue q : b.queues()) {
            ObjectNode n = queues.addObject();
            n.put("name", q.name());
            n.put("state", q.state());
            n.put("priority", q.priority());
            q.environments().forEach(n.putArray("environments")::add);
            ObjectNode counts = n.putObject("counts");
            b.counts().getOrDefault(q.name(), Map.of()).forEach(counts::put);
        }
        ArrayNode envs = o.putArray("environments");
        for (BatchOverview.Environment e : b.environments()) {
            ObjectNode n = envs.addObject();
            n.put("name", e.name());
            n.put("state", e.state());
            n.put("type", e.type());
            e.maxvCpus().ifPresent(m -> n.put("maxvCpus", m));
            n.put("vcpusInUse", e.vcpusInUse());
        }
        ArrayNode jobs = o.putArray("jobs");
        b.jobs().forEach(j -> jobs.add(job(j)));
        o.set("vcpuHistory", history.toJson());
        return o;
    }

    static ObjectNode job(BatchJobStatus j) {
        ObjectNode o = NODES.objectNode();
        o.put("jobId", j.jobId());
        o.put("name", j.name());
        o.put("queue", j.queue());
        o.put("status", j.status());
        j.statusReason().ifPresent(s -> o.put("statusReason", s));
        j.exitCode().ifPresent(c -> o.put("exitCode", c));
        j.logStream().ifPresent(s -> o.put("logStream", s));
        o.put("createdAt", j.createdAt().toString());
        j.startedAt().ifPresent(t -> o.put("startedAt", t.toString()));
        j.stoppedAt().ifPresent(t -> o.put("stoppedAt", t.toString()));
        return o;
    }

    static ObjectNode log(LogLine l) {
        ObjectNode o = NODES.objectNode();
        o.put("timestamp", l.timestamp().toString());
        o.put("stream", l.stream());
        o.put("task", l.task());
        o.put("message", l.message());
        return o;
    }

    private static Optional<HistoryEvent> nth(List<HistoryEvent> events, int k) {
        return events == null || k >= events.size() ? Optional.empty() : Optional.of(events.get(k));
    }

    /** History carries input and output as JSON text; show them as JSON when they are. */
    private static JsonNode parsed(String text) {
        if (text.length() > 256 * 1024) {
            return NODES.textNode(shorten(text, 256 * 1024));
        }
        try {
            return Json.parse(text);
        } catch (InvalidJsonException e) {
            return NODES.textNode(text);
        }
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "… (" + s.length() + " chars)";
    }
}
