package cirrus.states.conformance;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import cirrus.states.ErrorNames;
import cirrus.states.json.Json;
import cirrus.states.run.Command;
import cirrus.states.run.Event;
import cirrus.states.run.ExecutionInfo;
import cirrus.states.run.HistoryEvent;
import cirrus.states.run.Interpreter;
import cirrus.states.run.Snapshot;
import cirrus.states.run.SnapshotCodec;
import cirrus.states.run.Step;
import cirrus.states.run.TaskRequest;

/**
 * A deterministic discrete-event driver for conformance cases: tasks follow scripts given as data
 * and may take virtual time; timers fire in virtual time; every snapshot goes through {@link
 * SnapshotCodec} and JSON text before the next event, as an engine that persists would do.
 */
final class Simulation {
    /** A scheduled event. */
    private record Scheduled(Instant due, long order, Event event) {}

    /** How the simulated execution ended. */
    record Result(
            Snapshot snapshot,
            List<HistoryEvent> history,
            Map<String, Integer> invocations,
            Duration elapsed) {}

    private final Interpreter interpreter;
    private final Map<String, JsonNode> scripts;
    private final PriorityQueue<Scheduled> queue =
            new PriorityQueue<>(
                    Comparator.comparing(Scheduled::due).thenComparingLong(Scheduled::order));
    private final Set<String> cancelled = new HashSet<>();
    private final Map<String, Integer> invocations = new HashMap<>();
    private final List<HistoryEvent> history = new ArrayList<>();
    private long order;
    private Instant now;

    Simulation(Interpreter interpreter, Map<String, JsonNode> scripts) {
        this.interpreter = interpreter;
        this.scripts = scripts;
    }

    Result run(ExecutionInfo execution) throws Exception {
        Instant start = execution.startTime();
        now = start;
        Snapshot snapshot = take(interpreter.start(execution, now));
        int guard = 0;
        while (!snapshot.status().isTerminal()) {
            if (++guard > 1_000_000) {
                throw new AssertionError("the simulation does not end");
            }
            Scheduled next = queue.poll();
            if (next == null) {
                throw new AssertionError(
                        "the execution waits for nothing: " + SnapshotCodec.toJson(snapshot));
            }
            if (next.due().isAfter(now)) {
                now = next.due();
            }
            if (cancelled.contains(id(next.event()))) {
                continue;
            }
            snapshot = roundTrip(snapshot);
            snapshot = take(interpreter.apply(snapshot, next.event(), now));
        }
        return new Result(snapshot, history, invocations, Duration.between(start, now));
    }

    private static Snapshot roundTrip(Snapshot snapshot) throws Exception {
        String text = Json.write(SnapshotCodec.toJson(snapshot));
        return SnapshotCodec.fromJson(Json.parse(text));
    }

    private Snapshot take(Step step) {
        history.addAll(step.history());
        for (Command command : step.commands()) {
            if (command instanceof Command.InvokeTask invoke) {
                invoke(invoke.request());
            } else if (command instanceof Command.CancelTask cancel) {
                cancelled.add(cancel.token());
            } else if (command instanceof Command.StartTimer timer) {
                schedule(timer.due(), new Event.TimerFired(timer.timerId()));
            } else if (command instanceof Command.CancelTimer timer) {
                cancelled.add(timer.timerId());
            }
        }
        return step.snapshot();
    }

    /**
     * Plays the next step of the resource's script: {@code {"return": v}}, {@code {"echo": true}}
     * or {@code {"fail": {"Error", "Cause"}}}, optionally {@code "after": seconds}.
     */
    private void invoke(TaskRequest request) {
        int n = invocations.merge(request.resource(), 1, Integer::sum) - 1;
        JsonNode script = scripts.get(request.resource());
        if (script == null) {
            schedule(
                    now,
                    new Event.TaskFailed(
                            request.token(),
                            ErrorNames.RUNTIME,
                            "No task binding for resource '" + request.resource() + "'"));
            return;
        }
        JsonNode step = script.isArray() ? script.get(Math.min(n, script.size() - 1)) : script;
        Instant due = now.plusMillis(Math.round(step.path("after").asDouble(0) * 1000));
        Event event;
        if (step.has("return")) {
            event = new Event.TaskSucceeded(request.token(), step.get("return"));
        } else if (step.has("echo")) {
            event = new Event.TaskSucceeded(request.token(), request.input());
        } else if (step.has("fail")) {
            JsonNode fail = step.get("fail");
            event =
                    new Event.TaskFailed(
                            request.token(),
                            fail.path("Error").asText(),
                            fail.path("Cause").asText(""));
        } else if (step.has("hang")) {
            return;
        } else {
            throw new IllegalArgumentException("bad task script step " + step);
        }
        schedule(due, event);
    }

    private void schedule(Instant due, Event event) {
        queue.add(new Scheduled(due, order++, event));
    }

    private static String id(Event event) {
        if (event instanceof Event.TaskSucceeded e) {
            return e.token();
        } else if (event instanceof Event.TaskFailed e) {
            return e.token();
        } else if (event instanceof Event.TimerFired e) {
            return e.timerId();
        }
        return "";
    }
}
