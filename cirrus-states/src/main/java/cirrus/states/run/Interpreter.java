package cirrus.states.run;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import cirrus.states.ErrorNames;
import cirrus.states.StatesError;
import cirrus.states.StatesFailure;
import cirrus.states.model.StateGraph;
import cirrus.states.model.StateMachine;

/**
 * Executes a state machine as a pure function: {@link #start} gives the first snapshot, {@link
 * #apply} maps a snapshot and an event to the next snapshot, the commands to perform (invoke a
 * task, start a timer, ...) and the history events that happened. It does no IO and keeps no state,
 * so a caller can persist snapshots, run tasks asynchronously and resume after a crash. {@link
 * SyncDriver} is a simple caller that runs an execution to its end.
 */
public final class Interpreter {
    /** The timer id of the machine's {@code TimeoutSeconds}. */
    static final String EXECUTION_TIMEOUT_TIMER = "execution-timeout";

    private final StateMachine machine;
    private final Map<String, StateGraph> graphs;
    private final Limits limits;

    public Interpreter(StateMachine machine) {
        this(machine, Limits.AWS);
    }

    public Interpreter(StateMachine machine, Limits limits) {
        this.machine = machine;
        this.graphs = machine.graphs();
        this.limits = limits;
    }

    /** The machine this interpreter runs. */
    public StateMachine machine() {
        return machine;
    }

    Limits limits() {
        return limits;
    }

    StateGraph graph(String id) {
        StateGraph graph = graphs.get(id);
        if (graph == null) {
            throw new IllegalArgumentException(
                    "the snapshot refers to graph '" + id + "' that this machine does not have");
        }
        return graph;
    }

    /** Starts an execution at {@code now} and runs it until it waits or ends. */
    public Step start(ExecutionInfo execution, Instant now) {
        StepContext ctx = new StepContext(this, execution, now, 0, 0);
        try {
            long started = ctx.history.executionStarted(execution.input(), execution.roleArn());
            String timeoutTimer = null;
            if (machine.timeoutSeconds() != null) {
                timeoutTimer = EXECUTION_TIMEOUT_TIMER;
                ctx.command(
                        new Command.StartTimer(
                                timeoutTimer,
                                now.plus(Duration.ofSeconds(machine.timeoutSeconds()))));
            }
            Outcome outcome;
            try {
                ctx.checkSize(execution.input(), "execution input");
                outcome =
                        new Runner(ctx)
                                .startRun(
                                        machine.root().id(), execution.input(), List.of(), started);
            } catch (StatesFailure f) {
                outcome = new Outcome.Failed(f.error(), started);
            }
            return finish(ctx, outcome, timeoutTimer);
        } catch (StepContext.HistoryLimitReached e) {
            return historyLimit(ctx, null, null);
        }
    }

    /**
     * Applies an event. Events for tasks or timers the execution no longer waits for (a late result
     * after a timeout, a timer of a finished state) change nothing.
     */
    public Step apply(Snapshot snapshot, Event event, Instant now) {
        if (snapshot.status().isTerminal()) {
            return new Step(snapshot, List.of(), List.of());
        }
        StepContext ctx =
                new StepContext(
                        this,
                        snapshot.execution(),
                        now,
                        snapshot.lastEventId(),
                        snapshot.sequence());
        try {
            if (event instanceof Event.StopExecution stop) {
                return stop(
                        ctx,
                        snapshot,
                        ExecutionStatus.ABORTED,
                        StatesError.of(stop.error() == null ? "" : stop.error(), stop.cause()));
            }
            if (event instanceof Event.TimerFired timer
                    && timer.timerId().equals(snapshot.timeoutTimer())) {
                return stop(
                        ctx,
                        snapshot,
                        ExecutionStatus.TIMED_OUT,
                        StatesError.of(
                                ErrorNames.TIMEOUT,
                                "The execution ran longer than its TimeoutSeconds."));
            }
            List<Integer> path = path(event);
            Outcome outcome =
                    path == null ? null : new Runner(ctx).apply(snapshot.root(), path, 0, event);
            if (outcome == null) {
                return new Step(snapshot, List.of(), List.of());
            }
            return finish(ctx, outcome, snapshot.timeoutTimer());
        } catch (StepContext.HistoryLimitReached e) {
            return historyLimit(ctx, snapshot.root(), snapshot.timeoutTimer());
        }
    }

    private Step finish(StepContext ctx, Outcome outcome, String timeoutTimer) {
        ExecutionInfo execution = ctx.execution;
        if (outcome instanceof Outcome.Waiting waiting) {
            Snapshot next =
                    new Snapshot(
                            execution,
                            ExecutionStatus.RUNNING,
                            waiting.run(),
                            null,
                            null,
                            ctx.lastEventId,
                            ctx.sequence,
                            null,
                            timeoutTimer);
            return new Step(next, ctx.commands, ctx.events);
        }
        if (timeoutTimer != null) {
            ctx.command(new Command.CancelTimer(timeoutTimer));
        }
        if (outcome instanceof Outcome.Finished finished) {
            try {
                ctx.checkSize(finished.output(), "execution output");
                ctx.history.executionEnded(
                        ExecutionStatus.SUCCEEDED, finished.lastEventId(), finished.output(), null);
                return ended(ctx, ExecutionStatus.SUCCEEDED, finished.output(), null);
            } catch (StatesFailure f) {
                outcome = new Outcome.Failed(f.error(), finished.lastEventId());
            }
        }
        Outcome.Failed failed = (Outcome.Failed) outcome;
        ctx.history.executionEnded(
                ExecutionStatus.FAILED, failed.lastEventId(), null, failed.error());
        return ended(ctx, ExecutionStatus.FAILED, null, failed.error());
    }

    private Step stop(
            StepContext ctx, Snapshot snapshot, ExecutionStatus status, StatesError error) {
        Cancellation.cancel(ctx, snapshot.root());
        if (snapshot.timeoutTimer() != null && status != ExecutionStatus.TIMED_OUT) {
            ctx.command(new Command.CancelTimer(snapshot.timeoutTimer()));
        }
        ctx.history.executionEnded(status, ctx.lastEventId, null, error);
        return ended(ctx, status, null, error);
    }

    private Step historyLimit(StepContext ctx, Run root, String timeoutTimer) {
        StepContext end =
                new StepContext(
                        this, ctx.execution, ctx.now, limits.maxHistoryEvents(), ctx.sequence);
        end.ending = true;
        end.events.addAll(ctx.events);
        for (Command command : ctx.commands) {
            end.command(command);
            if (command instanceof Command.InvokeTask invoke) {
                end.command(new Command.CancelTask(invoke.request().token()));
            }
        }
        Cancellation.cancel(end, root);
        if (timeoutTimer != null) {
            end.command(new Command.CancelTimer(timeoutTimer));
        }
        StatesError error =
                StatesError.of(
                        ErrorNames.RUNTIME,
                        "The execution reached the limit of "
                                + limits.maxHistoryEvents()
                                + " history events.");
        end.history.executionEnded(ExecutionStatus.FAILED, end.lastEventId, null, error);
        return ended(end, ExecutionStatus.FAILED, null, error);
    }

    private static Step ended(
            StepContext ctx, ExecutionStatus status, JsonNode output, StatesError error) {
        Snapshot done =
                new Snapshot(
                        ctx.execution,
                        status,
                        null,
                        output,
                        error,
                        ctx.lastEventId,
                        ctx.sequence,
                        ctx.now,
                        null);
        return new Step(done, ctx.commands, ctx.events);
    }

    /** The run an event is for, from its token or timer id ({@code t12@0.3}); null if unknown. */
    private static List<Integer> path(Event event) {
        String id;
        if (event instanceof Event.TaskSucceeded e) {
            id = e.token();
        } else if (event instanceof Event.TaskFailed e) {
            id = e.token();
        } else if (event instanceof Event.TaskHeartbeat e) {
            id = e.token();
        } else {
            id = ((Event.TimerFired) event).timerId();
        }
        int at = id == null ? -1 : id.indexOf('@');
        if (at < 0) {
            return null;
        }
        String rest = id.substring(at + 1);
        List<Integer> path = new ArrayList<>();
        if (!rest.isEmpty()) {
            try {
                for (String part : rest.split("\\.")) {
                    path.add(Integer.parseInt(part));
                }
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return path;
    }
}
