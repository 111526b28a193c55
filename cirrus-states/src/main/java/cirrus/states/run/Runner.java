package cirrus.states.run;

import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cirrus.states.ErrorNames;
import cirrus.states.ErrorSource;
import cirrus.states.StatesError;
import cirrus.states.StatesFailure;
import cirrus.states.json.Json;
import cirrus.states.model.Catcher;
import cirrus.states.model.ChoiceState;
import cirrus.states.model.ErrorHandling;
import cirrus.states.model.FailState;
import cirrus.states.model.MapState;
import cirrus.states.model.ParallelState;
import cirrus.states.model.PassState;
import cirrus.states.model.Retrier;
import cirrus.states.model.State;
import cirrus.states.model.SucceedState;
import cirrus.states.model.TaskState;
import cirrus.states.model.WaitState;

/**
 * Moves runs through their states: enters states, lets each state type do its part, follows
 * transitions until the run waits or ends, applies Retry and Catch, and routes events to the run
 * (however deeply nested) they are for.
 */
final class Runner {
    private final StepContext ctx;
    private final SimpleStates simple;
    private final TaskStates tasks;
    private final BranchStates branches;

    Runner(StepContext ctx) {
        this.ctx = ctx;
        this.simple = new SimpleStates(ctx, this);
        this.tasks = new TaskStates(ctx, this);
        this.branches = new BranchStates(ctx, this);
    }

    /** Starts a graph (the machine, a branch, an iteration) and advances it as far as it goes. */
    Outcome startRun(String graph, JsonNode input, List<Integer> path, long previousEventId) {
        Cursor c = new Cursor(path, graph, previousEventId);
        return advance(c, new Progress.Next(ctx.graph(graph).startAt(), input));
    }

    /** Follows transitions until the run waits, ends or fails. */
    Outcome advance(Cursor c, Progress progress) {
        Progress p = progress;
        while (true) {
            if (p instanceof Progress.Next next) {
                c.state = next.state();
                c.input = next.input();
                c.entered = ctx.now;
                State state = state(c);
                c.enteredEventId = ctx.history.stateEntered(c, state.type());
                p = execute(c, state, Retries.NONE);
            } else if (p instanceof Progress.End end) {
                return new Outcome.Finished(end.output(), c.lastEventId);
            } else if (p instanceof Progress.Fail fail) {
                return new Outcome.Failed(fail.error(), c.lastEventId);
            } else {
                return new Outcome.Waiting(c.waiting(((Progress.Block) p).activity()));
            }
        }
    }

    /** Runs the current state (again, after a retry, with its retry counts). */
    Progress execute(Cursor c, State state, Retries retries) {
        try {
            if (state instanceof PassState s) {
                return simple.pass(c, s);
            } else if (state instanceof TaskState s) {
                return tasks.start(c, s, retries);
            } else if (state instanceof ChoiceState s) {
                return simple.choice(c, s);
            } else if (state instanceof WaitState s) {
                return simple.waitState(c, s);
            } else if (state instanceof SucceedState s) {
                return simple.succeed(c, s);
            } else if (state instanceof FailState s) {
                return simple.fail(c, s);
            } else if (state instanceof ParallelState s) {
                return branches.startParallel(c, s, retries);
            } else {
                return branches.startMap(c, (MapState) state, retries);
            }
        } catch (StatesFailure f) {
            return recover(c, state, f.error(), ErrorSource.STATE, retries);
        }
    }

    /**
     * Leaves the current state with {@code output} for {@code next} (null: the run ends).
     *
     * @throws StatesFailure {@code States.DataLimitExceeded} when the output is over the limit
     */
    Progress exit(Cursor c, State state, JsonNode output, String next) {
        if (ctx.tooLarge(output)) {
            throw new StatesFailure(
                    ErrorNames.DATA_LIMIT_EXCEEDED, StepContext.resultTooLarge(c.state));
        }
        ctx.history.stateExited(c, state.type(), output);
        return next == null ? new Progress.End(output) : new Progress.Next(next, output);
    }

    /**
     * Handles a state's error: the first matching Retrier retries if it has attempts left, else the
     * first matching Catcher transitions, else the run fails.
     */
    Progress recover(
            Cursor c, State state, StatesError error, ErrorSource source, Retries retries) {
        ErrorHandling handling = errorHandling(state);
        boolean fromBranch = source == ErrorSource.BRANCH;
        if (ErrorNames.isTerminal(error.error(), source)) {
            return new Progress.Fail(
                    source == ErrorSource.STATE ? located(c, error) : error, fromBranch);
        }
        for (int i = 0; i < handling.retriers().size(); i++) {
            Retrier retrier = handling.retriers().get(i);
            if (retrier.matches(error.error(), source)) {
                if (retries.of(i) < retrier.maxAttempts()) {
                    Duration delay = retrier.delay(retries.of(i), ctx.random);
                    String timer = ctx.newId('w', c.path);
                    ctx.command(new Command.StartTimer(timer, ctx.now.plus(delay)));
                    return new Progress.Block(new Activity.AwaitingRetry(timer, retries.plus(i)));
                }
                break;
            }
        }
        for (Catcher catcher : handling.catchers()) {
            if (catcher.matches(error.error(), source)) {
                ObjectNode errorOutput = Json.object();
                errorOutput.put("Error", error.error());
                errorOutput.put("Cause", error.cause());
                try {
                    JsonNode output =
                            catcher.resultPath() == null
                                    ? c.input
                                    : catcher.resultPath().set(c.input, errorOutput);
                    return exit(c, state, output, catcher.next());
                } catch (StatesFailure f) {
                    return new Progress.Fail(f.error(), false);
                }
            }
        }
        return new Progress.Fail(error, fromBranch);
    }

    /**
     * A terminal error of the state's own processing, its cause prefixed as AWS prefixes it
     * (recorded {@code States.Runtime} causes): "An error occurred while executing the state 'S'
     * (entered at the event id #2). ..."
     */
    private static StatesError located(Cursor c, StatesError error) {
        if (!ErrorNames.RUNTIME.equals(error.error())) {
            return error;
        }
        return StatesError.of(
                error.error(),
                "An error occurred while executing the state '"
                        + c.state
                        + "' (entered at the event id #"
                        + c.enteredEventId
                        + "). "
                        + error.cause());
    }

    /**
     * Applies an event to the run at {@code path} below {@code run}, then lets every enclosing
     * Parallel or Map react. Returns null when the event is stale (its task or timer is no longer
     * awaited).
     */
    Outcome apply(Run run, List<Integer> path, int depth, Event event) {
        Cursor c = Cursor.of(run, path.subList(0, depth));
        if (depth == path.size()) {
            Progress p;
            try {
                p = resume(c, run.activity(), event);
            } catch (StatesFailure f) {
                p = recover(c, state(c), f.error(), ErrorSource.STATE, Retries.NONE);
            }
            return p == null ? null : advance(c, p);
        }
        if (!(run.activity() instanceof Activity.AwaitingBranches waiting)) {
            return null;
        }
        int index = path.get(depth);
        if (index >= waiting.slots().size()
                || !(waiting.slots().get(index) instanceof Slot.Running running)) {
            return null;
        }
        Outcome child = apply(running.run(), path, depth + 1, event);
        if (child == null) {
            return null;
        }
        return advance(c, branches.childChanged(c, state(c), waiting, index, child));
    }

    private Progress resume(Cursor c, Activity activity, Event event) {
        State state = state(c);
        if (activity instanceof Activity.AwaitingTask task) {
            if (event instanceof Event.TaskSucceeded e && e.token().equals(task.token())) {
                return tasks.succeeded(c, (TaskState) state, task, e.output());
            }
            if (event instanceof Event.TaskFailed e && e.token().equals(task.token())) {
                return tasks.failed(
                        c, (TaskState) state, task, StatesError.of(e.error(), e.cause()));
            }
            if (event instanceof Event.TaskHeartbeat e && e.token().equals(task.token())) {
                return tasks.heartbeat(c, task);
            }
            if (event instanceof Event.TimerFired e
                    && (e.timerId().equals(task.timeoutTimer())
                            || e.timerId().equals(task.heartbeatTimer()))) {
                return tasks.timedOut(
                        c, (TaskState) state, task, e.timerId().equals(task.heartbeatTimer()));
            }
        } else if (event instanceof Event.TimerFired e) {
            if (activity instanceof Activity.AwaitingWait wait
                    && e.timerId().equals(wait.timer())) {
                return simple.waited(c, (WaitState) state);
            }
            if (activity instanceof Activity.AwaitingRetry retry
                    && e.timerId().equals(retry.timer())) {
                return execute(c, state, retry.retries());
            }
        }
        return null;
    }

    State state(Cursor c) {
        return ctx.graph(c.graph).state(c.state);
    }

    private static ErrorHandling errorHandling(State state) {
        if (state instanceof TaskState s) {
            return s.errorHandling();
        } else if (state instanceof ParallelState s) {
            return s.errorHandling();
        } else if (state instanceof MapState s) {
            return s.errorHandling();
        }
        return ErrorHandling.NONE;
    }
}
