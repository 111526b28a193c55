package cirrus.states.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cirrus.states.StatesError;
import cirrus.states.json.Json;

/** Makes the history events of one step, with AWS names and details. */
final class History {
    private final StepContext ctx;

    History(StepContext ctx) {
        this.ctx = ctx;
    }

    long executionStarted(JsonNode input, String roleArn) {
        ObjectNode d = Json.object();
        d.set("input", input);
        d.put("roleArn", roleArn);
        return ctx.event("ExecutionStarted", 0, "executionStartedEventDetails", d);
    }

    long executionEnded(ExecutionStatus status, long previous, JsonNode output, StatesError error) {
        return switch (status) {
            case SUCCEEDED -> {
                ObjectNode d = Json.object();
                d.set("output", output);
                yield ctx.event(
                        "ExecutionSucceeded", previous, "executionSucceededEventDetails", d);
            }
            case FAILED ->
                    ctx.event(
                            "ExecutionFailed",
                            previous,
                            "executionFailedEventDetails",
                            error(error));
            case TIMED_OUT ->
                    ctx.event(
                            "ExecutionTimedOut",
                            previous,
                            "executionTimedOutEventDetails",
                            error(error));
            case ABORTED ->
                    ctx.event(
                            "ExecutionAborted",
                            previous,
                            "executionAbortedEventDetails",
                            error(error));
            case RUNNING -> throw new IllegalArgumentException("not an end");
        };
    }

    long stateEntered(Cursor c, String type) {
        ObjectNode d = Json.object();
        d.put("name", c.state);
        d.set("input", c.input);
        return c.lastEventId =
                ctx.event(type + "StateEntered", c.lastEventId, "stateEnteredEventDetails", d);
    }

    long stateExited(Cursor c, String type, JsonNode output) {
        ObjectNode d = Json.object();
        d.put("name", c.state);
        d.set("output", output);
        return c.lastEventId =
                ctx.event(type + "StateExited", c.lastEventId, "stateExitedEventDetails", d);
    }

    /** An event without details in the run's chain, e.g. {@code ParallelStateStarted}. */
    long plain(Cursor c, String type) {
        return c.lastEventId = ctx.event(type, c.lastEventId, null, null);
    }

    long mapStarted(Cursor c, int length) {
        ObjectNode d = Json.object();
        d.put("length", length);
        return c.lastEventId =
                ctx.event("MapStateStarted", c.lastEventId, "mapStateStartedEventDetails", d);
    }

    long mapIteration(String kind, String mapName, int index, long previous) {
        ObjectNode d = Json.object();
        d.put("name", mapName);
        d.put("index", index);
        return ctx.event(
                "MapIteration" + kind, previous, "mapIteration" + kind + "EventDetails", d);
    }

    long taskScheduled(
            Cursor c, ResourceKind kind, JsonNode input, Integer timeout, Integer heartbeat) {
        ObjectNode d = Json.object();
        if (kind.lambda()) {
            d.put("resource", kind.resource());
            d.set("input", input);
            if (timeout != null) {
                d.put("timeoutInSeconds", timeout);
            }
            return c.lastEventId =
                    ctx.event(
                            "LambdaFunctionScheduled",
                            c.lastEventId,
                            "lambdaFunctionScheduledEventDetails",
                            d);
        }
        resource(d, kind);
        d.put("region", ctx.region());
        d.set("parameters", input);
        if (timeout != null) {
            d.put("timeoutInSeconds", timeout);
        }
        if (heartbeat != null) {
            d.put("heartbeatInSeconds", heartbeat);
        }
        return c.lastEventId =
                ctx.event("TaskScheduled", c.lastEventId, "taskScheduledEventDetails", d);
    }

    long taskStarted(Cursor c, ResourceKind kind) {
        if (kind.lambda()) {
            return c.lastEventId = ctx.event("LambdaFunctionStarted", c.lastEventId, null, null);
        }
        ObjectNode d = Json.object();
        resource(d, kind);
        return c.lastEventId =
                ctx.event("TaskStarted", c.lastEventId, "taskStartedEventDetails", d);
    }

    long taskSucceeded(Cursor c, ResourceKind kind, JsonNode output) {
        ObjectNode d = Json.object();
        if (!kind.lambda()) {
            resource(d, kind);
        }
        d.set("output", output);
        return c.lastEventId =
                kind.lambda()
                        ? ctx.event(
                                "LambdaFunctionSucceeded",
                                c.lastEventId,
                                "lambdaFunctionSucceededEventDetails",
                                d)
                        : ctx.event("TaskSucceeded", c.lastEventId, "taskSucceededEventDetails", d);
    }

    /**
     * {@code TaskFailed}/{@code TaskTimedOut} (or the Lambda equivalents); {@code what} is Failed
     * or TimedOut.
     */
    long taskEnded(Cursor c, ResourceKind kind, String what, StatesError error) {
        ObjectNode d = error(error);
        if (kind.lambda()) {
            return c.lastEventId =
                    ctx.event(
                            "LambdaFunction" + what,
                            c.lastEventId,
                            "lambdaFunction" + what + "EventDetails",
                            d);
        }
        ObjectNode withResource = Json.object();
        resource(withResource, kind);
        withResource.setAll(d);
        return c.lastEventId =
                ctx.event(
                        "Task" + what, c.lastEventId, "task" + what + "EventDetails", withResource);
    }

    private static void resource(ObjectNode d, ResourceKind kind) {
        if (kind.resourceType() != null) {
            d.put("resourceType", kind.resourceType());
        }
        d.put("resource", kind.resource());
    }

    private static ObjectNode error(StatesError error) {
        ObjectNode d = Json.object();
        d.put("error", error.error());
        if (!error.cause().isEmpty()) {
            d.put("cause", error.cause()); // AWS leaves an empty cause out (recorded timeouts)
        }
        return d;
    }
}
