package cirrus.states.run;

import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

import cirrus.states.ErrorNames;
import cirrus.states.StatesError;
import cirrus.states.StatesFailure;
import cirrus.states.choice.Timestamps;
import cirrus.states.json.Json;
import cirrus.states.model.ChoiceState;
import cirrus.states.model.FailState;
import cirrus.states.model.PassState;
import cirrus.states.model.SucceedState;
import cirrus.states.model.WaitState;
import cirrus.states.path.EvalContext;
import cirrus.states.path.Expression;
import cirrus.states.path.ReferencePath;

/** The states that need no task or child runs: Pass, Choice, Wait, Succeed, Fail. */
final class SimpleStates {
    private final StepContext ctx;
    private final Runner runner;

    SimpleStates(StepContext ctx, Runner runner) {
        this.ctx = ctx;
        this.runner = runner;
    }

    Progress pass(Cursor c, PassState s) {
        ContextObject context = ContextObject.of(ctx, c, Retries.NONE);
        JsonNode effective = Io.effectiveInput(ctx, s.dataFlow(), c.input, context);
        JsonNode result = s.result() != null ? s.result() : effective;
        return runner.exit(c, s, Io.place(ctx, s.dataFlow(), c.input, result, context), s.next());
    }

    Progress choice(Cursor c, ChoiceState s) {
        ContextObject context = ContextObject.of(ctx, c, Retries.NONE);
        JsonNode input = Io.select(s.dataFlow().inputPath(), c.input, context);
        String next = s.defaultState();
        boolean matched = false;
        for (ChoiceState.Choice choice : s.choices()) {
            if (choice.rule().test(input, context)) {
                next = choice.next();
                matched = true;
                break;
            }
        }
        if (!matched && next == null) {
            throw new StatesFailure(
                    ErrorNames.NO_CHOICE_MATCHED,
                    "No Choice Rule of state '"
                            + c.state
                            + "' matched and it has no Default; input: "
                            + Json.abbreviate(input, 200));
        }
        JsonNode output = Io.select(s.dataFlow().outputPath(), input, context);
        return runner.exit(c, s, output, next);
    }

    Progress waitState(Cursor c, WaitState s) {
        ContextObject context = ContextObject.of(ctx, c, Retries.NONE);
        JsonNode input = Io.select(s.dataFlow().inputPath(), c.input, context);
        Instant due = due(s, input, context);
        if (!due.isAfter(ctx.now)) {
            return waited(c, s);
        }
        String timer = ctx.newId('w', c.path);
        ctx.command(new Command.StartTimer(timer, due));
        return new Progress.Block(new Activity.AwaitingWait(timer));
    }

    private Instant due(WaitState s, JsonNode input, ContextObject context) {
        if (s.seconds() != null) {
            return ctx.now.plus(Duration.ofSeconds(s.seconds()));
        }
        if (s.timestamp() != null) {
            return s.timestamp();
        }
        if (s.secondsPath() != null) {
            JsonNode value = required(s.secondsPath(), input, context);
            if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < 0) {
                throw new StatesFailure(
                        ErrorNames.RUNTIME,
                        "The value of SecondsPath '"
                                + s.secondsPath()
                                + "' must be a non-negative integer, not "
                                + Json.abbreviate(value, 100));
            }
            return ctx.now.plus(Duration.ofSeconds(value.longValue()));
        }
        JsonNode value = required(s.timestampPath(), input, context);
        Instant instant = value.isTextual() ? Timestamps.parse(value.textValue()) : null;
        if (instant == null) {
            throw new StatesFailure(
                    ErrorNames.RUNTIME,
                    "The value of TimestampPath '"
                            + s.timestampPath()
                            + "' must be a timestamp such as 2016-03-14T01:59:00Z, not "
                            + Json.abbreviate(value, 100));
        }
        return instant;
    }

    private static JsonNode required(ReferencePath path, JsonNode input, ContextObject context) {
        JsonNode value = path.find(input, context);
        if (value == null) {
            throw Io.noResults(path.path());
        }
        return value;
    }

    /** The Wait is over: leave the state. */
    Progress waited(Cursor c, WaitState s) {
        ContextObject context = ContextObject.of(ctx, c, Retries.NONE);
        return runner.exit(c, s, Io.passThrough(ctx, s.dataFlow(), c.input, context), s.next());
    }

    Progress succeed(Cursor c, SucceedState s) {
        ContextObject context = ContextObject.of(ctx, c, Retries.NONE);
        return runner.exit(c, s, Io.passThrough(ctx, s.dataFlow(), c.input, context), null);
    }

    Progress fail(Cursor c, FailState s) {
        ContextObject context = ContextObject.of(ctx, c, Retries.NONE);
        String error =
                s.errorPath() != null
                        ? text(s.errorPath(), c.input, context, "ErrorPath")
                        : s.error();
        String cause =
                s.causePath() != null
                        ? text(s.causePath(), c.input, context, "CausePath")
                        : s.cause();
        return new Progress.Fail(StatesError.of(error == null ? "" : error, cause), false);
    }

    private String text(
            Expression expression, JsonNode input, ContextObject context, String field) {
        JsonNode value = expression.evaluate(new EvalContext(input, context, ctx.random));
        if (value == null || !value.isTextual()) {
            throw new StatesFailure(
                    ErrorNames.RUNTIME,
                    "The "
                            + field
                            + " '"
                            + expression.text()
                            + "' must select a string, but "
                            + (value == null
                                    ? "selects nothing"
                                    : "is " + Json.abbreviate(value, 100)));
        }
        return value.textValue();
    }
}
