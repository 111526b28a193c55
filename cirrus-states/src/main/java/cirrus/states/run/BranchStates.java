package cirrus.states.run;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cirrus.states.ErrorNames;
import cirrus.states.ErrorSource;
import cirrus.states.StatesError;
import cirrus.states.StatesFailure;
import cirrus.states.json.Json;
import cirrus.states.model.MapState;
import cirrus.states.model.ParallelState;
import cirrus.states.model.State;
import cirrus.states.path.EvalContext;
import cirrus.states.path.ReferencePath;

/**
 * Parallel and Map states: start child runs (all branches; Map iterations up to {@code
 * MaxConcurrency}), react when a child finishes or fails, and produce the array result.
 */
final class BranchStates {
    private final StepContext ctx;
    private final Runner runner;

    BranchStates(StepContext ctx, Runner runner) {
        this.ctx = ctx;
        this.runner = runner;
    }

    Progress startParallel(Cursor c, ParallelState s, Retries retries) {
        ContextObject context = ContextObject.of(ctx, c, retries);
        JsonNode input =
                ctx.checkSize(
                        Io.effectiveInput(ctx, s.dataFlow(), c.input, context), "branch input");
        ctx.history.plain(c, "ParallelStateStarted");
        List<Slot> slots = new ArrayList<>();
        for (int i = 0; i < s.branches().size(); i++) {
            Outcome outcome =
                    runner.startRun(s.branches().get(i).id(), input, child(c, i), c.lastEventId);
            if (outcome instanceof Outcome.Failed failed) {
                return parallelFailed(c, s, slots, failed.error(), retries);
            }
            slots.add(slot(outcome));
        }
        return settle(c, s, new Activity.AwaitingBranches(slots, retries, 0, -1, -1));
    }

    Progress startMap(Cursor c, MapState s, Retries retries) {
        ContextObject context = ContextObject.of(ctx, c, retries);
        JsonNode input = Io.select(s.dataFlow().inputPath(), c.input, context);
        JsonNode items = s.itemsPath().find(input, context);
        if (items == null || !items.isArray()) {
            throw new StatesFailure(
                    ErrorNames.RUNTIME,
                    "The ItemsPath '"
                            + s.itemsPath()
                            + "' must select an array, but "
                            + (items == null
                                    ? "selects nothing"
                                    : "selects " + Json.abbreviate(items, 100)));
        }
        int max =
                count(
                        s.maxConcurrency(),
                        s.maxConcurrencyPath(),
                        input,
                        context,
                        "MaxConcurrencyPath");
        int toleratedCount =
                count(
                        s.toleratedFailureCount(),
                        s.toleratedFailureCountPath(),
                        input,
                        context,
                        "ToleratedFailureCountPath");
        double toleratedPercentage =
                s.toleratedFailurePercentage() != null
                        ? s.toleratedFailurePercentage()
                        : s.toleratedFailurePercentagePath() == null
                                ? -1
                                : percentage(s.toleratedFailurePercentagePath(), input, context);
        List<Slot> slots = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            if (s.itemSelector() != null) {
                ContextObject itemContext = ContextObject.forItem(ctx, c, retries, i, item);
                item = s.itemSelector().apply(new EvalContext(input, itemContext, ctx.random));
            }
            slots.add(new Slot.Pending(item));
        }
        ctx.history.mapStarted(c, slots.size());
        return launch(
                c,
                s,
                new Activity.AwaitingBranches(
                        slots, retries, max, toleratedCount, toleratedPercentage));
    }

    /** A non-negative count given literally or by path; -1 when neither is given. */
    private static int count(
            Integer literal,
            ReferencePath path,
            JsonNode input,
            ContextObject context,
            String field) {
        if (path == null) {
            return literal == null ? -1 : literal;
        }
        JsonNode value = path.find(input, context);
        if (value == null
                || !value.isIntegralNumber()
                || !value.canConvertToInt()
                || value.intValue() < 0) {
            throw new StatesFailure(
                    ErrorNames.RUNTIME,
                    "The "
                            + field
                            + " '"
                            + path
                            + "' must select a non-negative integer, but "
                            + (value == null
                                    ? "selects nothing"
                                    : "is " + Json.abbreviate(value, 100)));
        }
        return value.intValue();
    }

    /**
     * A {@code ToleratedFailurePercentagePath} value: any number from 0 to 100, decimals included
     * (AWS accepts 1.1).
     */
    private static double percentage(ReferencePath path, JsonNode input, ContextObject context) {
        JsonNode value = path.find(input, context);
        if (value == null
                || !value.isNumber()
                || value.doubleValue() < 0
                || value.doubleValue() > 100) {
            throw new StatesFailure(
                    ErrorNames.RUNTIME,
                    "The ToleratedFailurePercentagePath '"
                            + path
                            + "' must select a number from 0 to 100, but "
                            + (value == null
                                    ? "selects nothing"
                                    : "is " + Json.abbreviate(value, 100)));
        }
        return value.doubleValue();
    }

    /** A child run changed (it waits elsewhere now, finished, or failed). */
    Progress childChanged(
            Cursor c, State state, Activity.AwaitingBranches waiting, int index, Outcome child) {
        List<Slot> slots = new ArrayList<>(waiting.slots());
        if (child instanceof Outcome.Waiting w) {
            slots.set(index, new Slot.Running(w.run()));
            return new Progress.Block(with(waiting, slots));
        }
        if (state instanceof ParallelState s) {
            if (child instanceof Outcome.Failed failed) {
                slots.set(index, new Slot.Done(Json.NODES.nullNode()));
                return parallelFailed(c, s, slots, failed.error(), waiting.retries());
            }
            slots.set(index, new Slot.Done(((Outcome.Finished) child).output()));
            return settle(c, s, with(waiting, slots));
        }
        MapState s = (MapState) state;
        Progress failure = iterationEnded(c, s, slots, index, child, waiting);
        return failure != null ? failure : launch(c, s, with(waiting, slots));
    }

    /**
     * Records a finished or failed iteration in {@code slots}; returns a Progress if the Map fails.
     */
    private Progress iterationEnded(
            Cursor c,
            MapState s,
            List<Slot> slots,
            int index,
            Outcome child,
            Activity.AwaitingBranches waiting) {
        if (child instanceof Outcome.Finished finished) {
            c.lastEventId =
                    ctx.history.mapIteration("Succeeded", s.name(), index, finished.lastEventId());
            slots.set(index, new Slot.Done(finished.output()));
            return null;
        }
        Outcome.Failed failed = (Outcome.Failed) child;
        c.lastEventId = ctx.history.mapIteration("Failed", s.name(), index, failed.lastEventId());
        slots.set(index, new Slot.Failed(failed.error()));
        long failures = count(slots, Slot.Failed.class);
        // A terminal error (States.Runtime) ends the execution: no threshold tolerates it.
        boolean tolerance =
                (waiting.toleratedCount() >= 0 || waiting.toleratedPercentage() >= 0)
                        && !ErrorNames.isTerminal(failed.error().error(), ErrorSource.BRANCH);
        boolean exceeded =
                tolerance
                        ? (waiting.toleratedCount() >= 0 && failures > waiting.toleratedCount())
                                || (waiting.toleratedPercentage() >= 0
                                        && failures * 100.0 / slots.size()
                                                > waiting.toleratedPercentage())
                        : true;
        if (!exceeded) {
            return null;
        }
        for (int i = 0; i < slots.size(); i++) {
            if (slots.get(i) instanceof Slot.Running running) {
                Cancellation.cancel(ctx, running.run());
                c.lastEventId = ctx.history.mapIteration("Aborted", s.name(), i, c.lastEventId);
            }
        }
        ctx.history.plain(c, "MapStateFailed");
        StatesError error =
                tolerance
                        ? StatesError.of(
                                ErrorNames.EXCEED_TOLERATED_FAILURE_THRESHOLD,
                                "The specified tolerated failure threshold was exceeded")
                        : failed.error();
        return runner.recover(
                c, s, error, tolerance ? ErrorSource.STATE : ErrorSource.BRANCH, waiting.retries());
    }

    /** Starts pending iterations while MaxConcurrency allows, then settles. */
    private Progress launch(Cursor c, MapState s, Activity.AwaitingBranches waiting) {
        List<Slot> slots = new ArrayList<>(waiting.slots());
        int running = count(slots, Slot.Running.class);
        int notStarted = count(slots, Slot.Pending.class);
        for (int i = 0; i < slots.size() && notStarted > 0; i++) {
            if (!(slots.get(i) instanceof Slot.Pending pending)) {
                continue;
            }
            if (waiting.maxConcurrency() > 0 && running >= waiting.maxConcurrency()) {
                break;
            }
            notStarted--;
            long started = ctx.history.mapIteration("Started", s.name(), i, c.lastEventId);
            Outcome outcome =
                    runner.startRun(s.processor().id(), pending.input(), child(c, i), started);
            if (outcome instanceof Outcome.Waiting w) {
                slots.set(i, new Slot.Running(w.run()));
                running++;
            } else {
                Progress failure = iterationEnded(c, s, slots, i, outcome, waiting);
                if (failure != null) {
                    return failure;
                }
            }
        }
        return settle(c, s, with(waiting, slots));
    }

    /** Completes the state when no slot runs or waits any more. */
    private Progress settle(Cursor c, State state, Activity.AwaitingBranches waiting) {
        List<Slot> slots = waiting.slots();
        for (int i = slots.size() - 1; i >= 0; i--) {
            if (slots.get(i) instanceof Slot.Running || slots.get(i) instanceof Slot.Pending) {
                return new Progress.Block(waiting);
            }
        }
        ArrayNode results = Json.NODES.arrayNode(slots.size());
        for (Slot slot : slots) {
            if (slot instanceof Slot.Done done) {
                results.add(done.output());
            } else {
                StatesError error = ((Slot.Failed) slot).error();
                ObjectNode output = results.addObject();
                output.put("Error", error.error());
                output.put("Cause", error.cause());
            }
        }
        ctx.history.plain(c, state.type() + "StateSucceeded");
        try {
            ContextObject context = ContextObject.of(ctx, c, waiting.retries());
            JsonNode output = Io.output(ctx, state.dataFlow(), c.input, results, context);
            return runner.exit(c, state, output, next(state));
        } catch (StatesFailure f) {
            return runner.recover(c, state, f.error(), ErrorSource.STATE, waiting.retries());
        }
    }

    private Progress parallelFailed(
            Cursor c, ParallelState s, List<Slot> slots, StatesError error, Retries retries) {
        for (Slot slot : slots) {
            if (slot instanceof Slot.Running running) {
                Cancellation.cancel(ctx, running.run());
            }
        }
        ctx.history.plain(c, "ParallelStateFailed");
        return runner.recover(c, s, error, ErrorSource.BRANCH, retries);
    }

    private static int count(List<Slot> slots, Class<? extends Slot> kind) {
        int n = 0;
        for (Slot slot : slots) {
            if (kind.isInstance(slot)) {
                n++;
            }
        }
        return n;
    }

    private static Slot slot(Outcome outcome) {
        return outcome instanceof Outcome.Waiting w
                ? new Slot.Running(w.run())
                : new Slot.Done(((Outcome.Finished) outcome).output());
    }

    private static Activity.AwaitingBranches with(
            Activity.AwaitingBranches waiting, List<Slot> slots) {
        return new Activity.AwaitingBranches(
                slots,
                waiting.retries(),
                waiting.maxConcurrency(),
                waiting.toleratedCount(),
                waiting.toleratedPercentage());
    }

    private static List<Integer> child(Cursor c, int index) {
        List<Integer> path = new ArrayList<>(c.path.size() + 1);
        path.addAll(c.path);
        path.add(index);
        return path;
    }

    private static String next(State state) {
        return state instanceof ParallelState p ? p.next() : ((MapState) state).next();
    }
}
