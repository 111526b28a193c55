package cirrus.states.run;

import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;

import cirrus.states.ErrorNames;
import cirrus.states.ErrorSource;
import cirrus.states.StatesError;
import cirrus.states.StatesFailure;
import cirrus.states.json.Json;
import cirrus.states.model.TaskState;
import cirrus.states.path.ReferencePath;

/**
 * Task states: build the effective input, ask for an invocation (a command), then turn its outcome
 * (an event) into the state's output, a retry or a catch.
 */
final class TaskStates {
    private final StepContext ctx;
    private final Runner runner;

    TaskStates(StepContext ctx, Runner runner) {
        this.ctx = ctx;
        this.runner = runner;
    }

    Progress start(Cursor c, TaskState s, Retries retries) {
        String token = ctx.newId('t', c.path);
        ContextObject context = ContextObject.forTask(ctx, c, retries, token);
        JsonNode input =
                ctx.checkSize(Io.effectiveInput(ctx, s.dataFlow(), c.input, context), "task input");
        Integer timeout =
                seconds(
                        s.timeoutSeconds(),
                        s.timeoutSecondsPath(),
                        c.input,
                        context,
                        "TimeoutSecondsPath");
        Integer heartbeat =
                seconds(
                        s.heartbeatSeconds(),
                        s.heartbeatSecondsPath(),
                        c.input,
                        context,
                        "HeartbeatSecondsPath");
        ResourceKind kind = ResourceKind.of(s.resource());
        ctx.history.taskScheduled(c, kind, input, timeout, heartbeat);
        ctx.history.taskStarted(c, kind);
        ctx.command(
                new Command.InvokeTask(
                        new TaskRequest(
                                token,
                                s.resource(),
                                input,
                                c.state,
                                ctx.execution.executionArn(),
                                timeout,
                                heartbeat,
                                s.credentials())));
        String timeoutTimer = timeout == null ? null : timer(c, timeout);
        String heartbeatTimer = heartbeat == null ? null : timer(c, heartbeat);
        return new Progress.Block(
                new Activity.AwaitingTask(
                        token,
                        retries,
                        timeoutTimer,
                        heartbeatTimer,
                        heartbeat == null ? 0 : heartbeat));
    }

    private Integer seconds(
            Integer literal,
            ReferencePath path,
            JsonNode input,
            ContextObject context,
            String field) {
        if (path == null) {
            return literal;
        }
        JsonNode value = path.find(input, context);
        if (value == null
                || !value.isIntegralNumber()
                || !value.canConvertToInt()
                || value.intValue() <= 0) {
            throw new StatesFailure(
                    ErrorNames.RUNTIME,
                    "The "
                            + field
                            + " '"
                            + path
                            + "' must select a positive integer, but "
                            + (value == null
                                    ? "selects nothing"
                                    : "is " + Json.abbreviate(value, 100)));
        }
        return value.intValue();
    }

    private String timer(Cursor c, int seconds) {
        String id = ctx.newId('w', c.path);
        ctx.command(new Command.StartTimer(id, ctx.now.plus(Duration.ofSeconds(seconds))));
        return id;
    }

    Progress succeeded(Cursor c, TaskState s, Activity.AwaitingTask task, JsonNode result) {
        cancelTimers(task);
        ResourceKind kind = ResourceKind.of(s.resource());
        if (ctx.tooLarge(result)) {
            // AWS records an oversized result as the task's failure, which Retry and Catch handle
            // (States.ALL included): the TaskFailed event of its recorded runs.
            StatesError error =
                    StatesError.of(
                            ErrorNames.DATA_LIMIT_EXCEEDED,
                            StepContext.resultTooLarge(
                                    kind.resourceType() != null
                                            ? kind.resourceType()
                                            : s.resource()));
            ctx.history.taskEnded(c, kind, "Failed", error);
            return runner.recover(c, s, error, ErrorSource.TASK, task.retries());
        }
        ctx.history.taskSucceeded(c, kind, result);
        try {
            ContextObject context = ContextObject.of(ctx, c, task.retries());
            return runner.exit(
                    c, s, Io.output(ctx, s.dataFlow(), c.input, result, context), s.next());
        } catch (StatesFailure f) {
            return runner.recover(c, s, f.error(), ErrorSource.STATE, task.retries());
        }
    }

    Progress failed(Cursor c, TaskState s, Activity.AwaitingTask task, StatesError error) {
        cancelTimers(task);
        ctx.history.taskEnded(c, ResourceKind.of(s.resource()), "Failed", error);
        return runner.recover(c, s, error, ErrorSource.TASK, task.retries());
    }

    /** A heartbeat re-arms the heartbeat timer; without HeartbeatSeconds it changes nothing. */
    Progress heartbeat(Cursor c, Activity.AwaitingTask task) {
        if (task.heartbeatTimer() == null) {
            return null;
        }
        ctx.command(new Command.CancelTimer(task.heartbeatTimer()));
        String timer = timer(c, task.heartbeatSeconds());
        return new Progress.Block(
                new Activity.AwaitingTask(
                        task.token(),
                        task.retries(),
                        task.timeoutTimer(),
                        timer,
                        task.heartbeatSeconds()));
    }

    Progress timedOut(Cursor c, TaskState s, Activity.AwaitingTask task, boolean heartbeat) {
        ctx.command(new Command.CancelTask(task.token()));
        cancelTimers(task);
        // AWS reports both timeouts as States.Timeout without a cause (recorded TaskTimedOut
        // events); only the ErrorEquals matching tells a missed heartbeat apart.
        StatesError error = StatesError.of(ErrorNames.TIMEOUT, "");
        ctx.history.taskEnded(c, ResourceKind.of(s.resource()), "TimedOut", error);
        return runner.recover(
                c, s, error, heartbeat ? ErrorSource.HEARTBEAT : ErrorSource.TASK, task.retries());
    }

    private void cancelTimers(Activity.AwaitingTask task) {
        if (task.timeoutTimer() != null) {
            ctx.command(new Command.CancelTimer(task.timeoutTimer()));
        }
        if (task.heartbeatTimer() != null) {
            ctx.command(new Command.CancelTimer(task.heartbeatTimer()));
        }
    }
}
