package cirrus.cli.operate;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cirrus.runtime.json.Json;
import cirrus.runtime.operate.ExecutionSummary;
import cirrus.runtime.operate.ExecutionTimeline;
import cirrus.runtime.operate.HistoryEvent;
import cirrus.runtime.operate.LogLine;
import cirrus.runtime.operate.PayloadStatus;
import cirrus.runtime.operate.StateSpan;
import cirrus.runtime.operate.WorkflowCounts;
import cirrus.runtime.port.StateCount;
import cirrus.runtime.port.StateRecord;
import cirrus.runtime.port.WorkflowState;
import cirrus.runtime.statedb.IsoTime;

/** How the operate commands print what they read: readable text, or JSON with {@code -o json}. */
public final class OperateViews {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private OperateViews() {}

    public static void print(PrintWriter out, JsonNode json) {
        try {
            out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(json));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static ObjectNode statusJson(PayloadStatus s) {
        ObjectNode o = itemJson(s.item());
        o.put("input", s.input());
        ArrayNode executions = o.putArray("execution_details");
        for (ExecutionSummary e : s.executions()) {
            ObjectNode x = executionJson(e);
            x.put("link", s.linkOf(e.arn()));
            executions.add(x);
        }
        return o;
    }

    public static void statusText(PrintWriter out, PayloadStatus s) {
        StateRecord r = s.item();
        out.println("payload     " + r.id());
        out.println(
                "state       " + r.state() + " (since " + IsoTime.format(r.stateUpdated()) + ")");
        out.println("created     " + IsoTime.format(r.created()));
        out.println("updated     " + IsoTime.format(r.updated()));
        out.println("input       " + s.input());
        r.outputs().forEach(o -> out.println("output      " + o));
        r.lastError().ifPresent(e -> out.println("last error  " + e));
        out.println("executions  " + s.executions().size());
        int n = 1;
        for (ExecutionSummary e : s.executions()) {
            out.printf(
                    Locale.ROOT,
                    "  %d. %-9s %s%s%n",
                    n++,
                    e.status(),
                    e.startTime().map(IsoTime::format).orElse("-"),
                    e.stopTime()
                            .flatMap(stop -> e.startTime().map(st -> Duration.between(st, stop)))
                            .map(d -> "  " + seconds(d))
                            .orElse(""));
            out.println("     " + s.linkOf(e.arn()));
            e.error()
                    .ifPresent(
                            err ->
                                    out.println(
                                            "     error: "
                                                    + err
                                                    + e.cause()
                                                            .map(c -> ": " + oneLine(c))
                                                            .orElse("")));
        }
    }

    public static ObjectNode itemJson(StateRecord r) {
        ObjectNode o = NODES.objectNode();
        o.put("payload_id", r.id().toString());
        o.put("collections", r.id().collections());
        o.put("workflow", r.id().workflow());
        o.put("items", r.id().itemIds());
        o.put("state", r.state().name());
        o.put("state_updated", IsoTime.format(r.stateUpdated()));
        o.put("created", IsoTime.format(r.created()));
        o.put("updated", IsoTime.format(r.updated()));
        ArrayNode executions = o.putArray("executions");
        r.executions().forEach(executions::add);
        if (!r.outputs().isEmpty()) {
            ArrayNode outputs = o.putArray("outputs");
            r.outputs().forEach(outputs::add);
        }
        r.lastError().ifPresent(e -> o.put("last_error", e));
        return o;
    }

    public static ObjectNode executionJson(ExecutionSummary e) {
        ObjectNode x = NODES.objectNode();
        x.put("executionArn", e.arn());
        x.put("name", e.name());
        x.put("status", e.status().name());
        e.startTime().ifPresent(t -> x.put("startDate", IsoTime.format(t)));
        e.stopTime().ifPresent(t -> x.put("stopDate", IsoTime.format(t)));
        e.error().ifPresent(v -> x.put("error", v));
        e.cause().ifPresent(v -> x.put("cause", v));
        return x;
    }

    public static ObjectNode countsJson(List<WorkflowCounts> counts) {
        ObjectNode o = NODES.objectNode();
        ArrayNode workflows = o.putArray("workflows");
        for (WorkflowCounts w : counts) {
            ObjectNode x = workflows.addObject();
            x.put("collections", w.collections());
            x.put("workflow", w.workflow());
            ObjectNode c = x.putObject("counts");
            w.counts()
                    .forEach(
                            (state, n) -> {
                                if (n.capped()) {
                                    c.put(state.name(), n.toString());
                                } else {
                                    c.put(state.name(), n.count());
                                }
                            });
        }
        return o;
    }

    public static void countsText(PrintWriter out, List<WorkflowCounts> counts) {
        for (WorkflowCounts w : counts) {
            StringBuilder line = new StringBuilder(w.collections() + " " + w.workflow());
            for (WorkflowState s : WorkflowState.values()) {
                StateCount n = w.count(s);
                if (n.count() > 0) {
                    line.append(' ').append(s.name()).append('=').append(n);
                }
            }
            out.println(line);
        }
    }

    public static ObjectNode itemsJson(List<StateRecord> items) {
        ObjectNode o = NODES.objectNode();
        ArrayNode out = o.putArray("items");
        items.forEach(r -> out.add(itemJson(r)));
        return o;
    }

    public static void itemsText(PrintWriter out, List<StateRecord> items) {
        for (StateRecord r : items) {
            out.printf(
                    Locale.ROOT,
                    "%-10s %s  %s%s%n",
                    r.state(),
                    r.id(),
                    IsoTime.format(r.updated()),
                    r.lastError().map(e -> "  " + oneLine(e)).orElse(""));
        }
    }

    public static ObjectNode timelineJson(ExecutionTimeline t) {
        ObjectNode o = NODES.objectNode();
        o.set("execution", executionJson(t.execution()));
        ArrayNode states = o.putArray("states");
        Instant now = t.execution().stopTime().orElse(Instant.now());
        for (StateSpan s : t.states()) {
            ObjectNode x = states.addObject();
            x.put("name", s.name());
            x.put("type", s.type());
            x.put("status", s.status().name());
            x.put("entered", IsoTime.format(s.entered()));
            s.exited().ifPresent(e -> x.put("exited", IsoTime.format(e)));
            x.put("duration_ms", s.duration(now).toMillis());
            s.error().ifPresent(e -> x.put("error", e));
            s.cause().ifPresent(e -> x.put("cause", e));
        }
        ArrayNode events = o.putArray("events");
        for (HistoryEvent e : t.events()) {
            ObjectNode x = events.addObject();
            x.put("id", e.id());
            x.put("previousEventId", e.previousEventId());
            x.put("timestamp", IsoTime.format(e.timestamp()));
            x.put("type", e.type());
            if (!e.details().isNull()) {
                x.set("details", e.details());
            }
        }
        return o;
    }

    public static void timelineText(PrintWriter out, ExecutionTimeline t) {
        ExecutionSummary e = t.execution();
        out.println("execution  " + e.arn());
        out.println(
                "status     "
                        + e.status()
                        + e.startTime().map(s -> "  started " + IsoTime.format(s)).orElse("")
                        + e.stopTime().map(s -> "  stopped " + IsoTime.format(s)).orElse(""));
        e.error()
                .ifPresent(
                        err ->
                                out.println(
                                        "error      "
                                                + err
                                                + e.cause()
                                                        .map(c -> ": " + oneLine(c))
                                                        .orElse("")));
        Instant start =
                e.startTime()
                        .orElse(
                                t.events().isEmpty()
                                        ? Instant.EPOCH
                                        : t.events().get(0).timestamp());
        Instant now = e.stopTime().orElse(Instant.now());
        for (StateSpan s : t.states()) {
            out.printf(
                    Locale.ROOT,
                    "  +%-9s %-9s %-9s %s (%s)%n",
                    seconds(Duration.between(start, s.entered())),
                    seconds(s.duration(now)),
                    s.status(),
                    s.name(),
                    s.type());
            s.error()
                    .ifPresent(
                            err ->
                                    out.println(
                                            "             "
                                                    + err
                                                    + s.cause()
                                                            .map(c -> ": " + oneLine(c))
                                                            .orElse("")));
        }
    }

    public static void logText(PrintWriter out, LogLine l) {
        out.println(
                IsoTime.format(l.timestamp())
                        + " "
                        + (l.task().isEmpty() ? "" : "[" + l.task() + "] ")
                        + l.message());
    }

    static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.3fs", d.toMillis() / 1000.0);
    }

    private static String oneLine(String s) {
        String flat = s.replaceAll("\\s+", " ").strip();
        return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
    }
}
