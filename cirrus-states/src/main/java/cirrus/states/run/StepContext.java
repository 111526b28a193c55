package cirrus.states.run;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cirrus.states.ErrorNames;
import cirrus.states.StatesFailure;
import cirrus.states.json.JsonSize;
import cirrus.states.model.StateGraph;

/**
 * Everything one interpreter step accumulates (commands, history, counters) and shares (the
 * machine, the clock reading, randomness). Lives for one step only.
 */
final class StepContext {
    /** Thrown when the history limit is reached; the whole execution fails. */
    static final class HistoryLimitReached extends RuntimeException {
        HistoryLimitReached() {
            super(null, null, false, false);
        }
    }

    final Interpreter interpreter;
    final ExecutionInfo execution;
    final Instant now;
    final List<Command> commands = new ArrayList<>();
    final List<HistoryEvent> events = new ArrayList<>();
    final History history = new History(this);
    final SplittableRandom random;
    long lastEventId;
    long sequence;

    /** Set to record the final event of an execution that hit the history limit. */
    boolean ending;

    StepContext(
            Interpreter interpreter,
            ExecutionInfo execution,
            Instant now,
            long lastEventId,
            long sequence) {
        this.interpreter = interpreter;
        this.execution = execution;
        this.now = now;
        this.lastEventId = lastEventId;
        this.sequence = sequence;
        this.random =
                new SplittableRandom(execution.seed() ^ (0x9E3779B97F4A7C15L * (sequence + 1)));
    }

    StateGraph graph(String id) {
        return interpreter.graph(id);
    }

    /** Appends a history event and returns its id. */
    long event(String type, long previous, String detailsKey, ObjectNode details) {
        long id = ++lastEventId;
        if (!ending && id > interpreter.limits().maxHistoryEvents()) {
            throw new HistoryLimitReached();
        }
        events.add(new HistoryEvent(id, previous, now, type, detailsKey, details));
        return id;
    }

    /** A fresh task token or timer id for the run at {@code path}. */
    String newId(char kind, List<Integer> path) {
        return kind
                + Long.toString(++sequence)
                + "@"
                + path.stream().map(String::valueOf).collect(Collectors.joining("."));
    }

    void command(Command command) {
        commands.add(command);
    }

    /** The region of the execution ARN ({@code local} for local ARNs). */
    String region() {
        String[] parts = execution.executionArn().split(":");
        return parts.length > 3 ? parts[3] : "local";
    }

    /**
     * The Cause of {@code States.DataLimitExceeded} for a state output or task result, as AWS words
     * it; {@code name} is the state, or the task's resource.
     */
    static String resultTooLarge(String name) {
        return "The state/task '"
                + name
                + "' returned a result with a size exceeding the maximum number of bytes service"
                + " limit.";
    }

    /** Whether {@code value} is larger than the payload limit. */
    boolean tooLarge(JsonNode value) {
        long max = interpreter.limits().maxPayloadBytes();
        return JsonSize.utf8Length(value, max) > max;
    }

    /**
     * Fails with {@code States.DataLimitExceeded} when {@code value} is larger than the payload
     * limit.
     */
    JsonNode checkSize(JsonNode value, String what) {
        long max = interpreter.limits().maxPayloadBytes();
        long size = JsonSize.utf8Length(value, max);
        if (size > max) {
            throw new StatesFailure(
                    ErrorNames.DATA_LIMIT_EXCEEDED,
                    "The " + what + " has a size that exceeds the maximum of " + max + " bytes.");
        }
        return value;
    }
}
