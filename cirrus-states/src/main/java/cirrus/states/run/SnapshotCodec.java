package cirrus.states.run;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cirrus.states.StatesError;
import cirrus.states.json.Json;

/**
 * Converts {@link Snapshot}s to JSON and back, so that an engine can store them (a database row, a
 * file) and resume an execution later with the same {@link Interpreter}. The format is versioned by
 * a {@code "format"} field.
 */
public final class SnapshotCodec {
    /** The current format version. */
    public static final int FORMAT = 1;

    private SnapshotCodec() {}

    /** The snapshot as a JSON object. */
    public static ObjectNode toJson(Snapshot s) {
        ObjectNode o = Json.object();
        o.put("format", FORMAT);
        ExecutionInfo e = s.execution();
        ObjectNode ex = o.putObject("execution");
        ex.put("executionArn", e.executionArn());
        ex.put("name", e.name());
        ex.put("stateMachineArn", e.stateMachineArn());
        ex.put("stateMachineName", e.stateMachineName());
        ex.put("roleArn", e.roleArn());
        ex.set("input", e.input());
        ex.put("startTime", e.startTime().toString());
        ex.put("seed", e.seed());
        o.put("status", s.status().name());
        if (s.root() != null) {
            o.set("root", run(s.root()));
        }
        if (s.output() != null) {
            o.set("output", s.output());
        }
        if (s.error() != null) {
            o.set("error", error(s.error()));
        }
        o.put("lastEventId", s.lastEventId());
        o.put("sequence", s.sequence());
        if (s.stopTime() != null) {
            o.put("stopTime", s.stopTime().toString());
        }
        if (s.timeoutTimer() != null) {
            o.put("timeoutTimer", s.timeoutTimer());
        }
        return o;
    }

    /**
     * Reads a snapshot written by {@link #toJson}.
     *
     * @throws IllegalArgumentException when the JSON is not a snapshot of a known format
     */
    public static Snapshot fromJson(JsonNode o) {
        if (o == null || o.path("format").asInt() != FORMAT) {
            throw new IllegalArgumentException("not a snapshot of format " + FORMAT);
        }
        JsonNode ex = o.get("execution");
        ExecutionInfo execution =
                new ExecutionInfo(
                        ex.get("executionArn").textValue(),
                        text(ex, "name"),
                        text(ex, "stateMachineArn"),
                        text(ex, "stateMachineName"),
                        text(ex, "roleArn"),
                        ex.get("input"),
                        Instant.parse(ex.get("startTime").textValue()),
                        ex.get("seed").longValue());
        return new Snapshot(
                execution,
                ExecutionStatus.valueOf(o.get("status").textValue()),
                o.has("root") ? run(o.get("root")) : null,
                o.get("output"),
                o.has("error") ? error(o.get("error")) : null,
                o.get("lastEventId").longValue(),
                o.get("sequence").longValue(),
                o.has("stopTime") ? Instant.parse(o.get("stopTime").textValue()) : null,
                text(o, "timeoutTimer"));
    }

    private static ObjectNode run(Run r) {
        ObjectNode o = Json.object();
        o.put("graph", r.graph());
        o.put("state", r.state());
        o.set("input", r.input());
        o.put("enteredTime", r.enteredTime().toString());
        o.put("enteredEventId", r.enteredEventId());
        o.put("lastEventId", r.lastEventId());
        o.set("activity", activity(r.activity()));
        return o;
    }

    private static Run run(JsonNode o) {
        return new Run(
                o.get("graph").textValue(),
                o.get("state").textValue(),
                o.get("input"),
                Instant.parse(o.get("enteredTime").textValue()),
                o.path("enteredEventId").asLong(0),
                o.get("lastEventId").longValue(),
                activity(o.get("activity")));
    }

    private static ObjectNode activity(Activity a) {
        ObjectNode o = Json.object();
        if (a instanceof Activity.AwaitingTask t) {
            o.put("kind", "task");
            o.put("token", t.token());
            o.set("retries", retries(t.retries()));
            o.put("timeoutTimer", t.timeoutTimer());
            o.put("heartbeatTimer", t.heartbeatTimer());
            o.put("heartbeatSeconds", t.heartbeatSeconds());
        } else if (a instanceof Activity.AwaitingWait w) {
            o.put("kind", "wait");
            o.put("timer", w.timer());
        } else if (a instanceof Activity.AwaitingRetry r) {
            o.put("kind", "retry");
            o.put("timer", r.timer());
            o.set("retries", retries(r.retries()));
        } else {
            Activity.AwaitingBranches b = (Activity.AwaitingBranches) a;
            o.put("kind", "branches");
            ArrayNode slots = o.putArray("slots");
            for (Slot slot : b.slots()) {
                slots.add(slot(slot));
            }
            o.set("retries", retries(b.retries()));
            o.put("maxConcurrency", b.maxConcurrency());
            o.put("toleratedCount", b.toleratedCount());
            o.put("toleratedPercentage", b.toleratedPercentage());
        }
        return o;
    }

    private static Activity activity(JsonNode o) {
        return switch (o.get("kind").textValue()) {
            case "task" ->
                    new Activity.AwaitingTask(
                            o.get("token").textValue(),
                            retries(o.get("retries")),
                            text(o, "timeoutTimer"),
                            text(o, "heartbeatTimer"),
                            o.get("heartbeatSeconds").intValue());
            case "wait" -> new Activity.AwaitingWait(o.get("timer").textValue());
            case "retry" ->
                    new Activity.AwaitingRetry(
                            o.get("timer").textValue(), retries(o.get("retries")));
            case "branches" -> {
                List<Slot> slots = new ArrayList<>();
                for (JsonNode slot : o.get("slots")) {
                    slots.add(slot(slot));
                }
                yield new Activity.AwaitingBranches(
                        slots,
                        retries(o.get("retries")),
                        o.get("maxConcurrency").intValue(),
                        o.get("toleratedCount").intValue(),
                        o.get("toleratedPercentage").doubleValue());
            }
            default -> throw new IllegalArgumentException("unknown activity " + o.get("kind"));
        };
    }

    private static ObjectNode slot(Slot slot) {
        ObjectNode o = Json.object();
        if (slot instanceof Slot.Pending p) {
            o.set("pending", p.input());
        } else if (slot instanceof Slot.Running r) {
            o.set("running", run(r.run()));
        } else if (slot instanceof Slot.Done d) {
            o.set("done", d.output());
        } else {
            o.set("failed", error(((Slot.Failed) slot).error()));
        }
        return o;
    }

    private static Slot slot(JsonNode o) {
        if (o.has("pending")) {
            return new Slot.Pending(o.get("pending"));
        } else if (o.has("running")) {
            return new Slot.Running(run(o.get("running")));
        } else if (o.has("done")) {
            return new Slot.Done(o.get("done"));
        }
        return new Slot.Failed(error(o.get("failed")));
    }

    private static ObjectNode retries(Retries r) {
        ObjectNode o = Json.object();
        ArrayNode attempts = o.putArray("attempts");
        r.attempts().forEach(attempts::add);
        o.put("count", r.count());
        return o;
    }

    private static Retries retries(JsonNode o) {
        List<Integer> attempts = new ArrayList<>();
        o.get("attempts").forEach(n -> attempts.add(n.intValue()));
        return new Retries(attempts, o.get("count").intValue());
    }

    private static ObjectNode error(StatesError e) {
        ObjectNode o = Json.object();
        o.put("Error", e.error());
        o.put("Cause", e.cause());
        return o;
    }

    private static StatesError error(JsonNode o) {
        return StatesError.of(o.get("Error").textValue(), text(o, "Cause"));
    }

    private static String text(JsonNode o, String field) {
        JsonNode value = o.get(field);
        return value == null || value.isNull() ? null : value.textValue();
    }
}
