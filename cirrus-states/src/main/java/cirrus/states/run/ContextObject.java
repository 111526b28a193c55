package cirrus.states.run;

import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cirrus.states.json.Json;

/**
 * Builds the Context Object ({@code $$}) for a state, lazily: most states never read it.
 *
 * @see <a
 *     href="https://docs.aws.amazon.com/step-functions/latest/dg/input-output-contextobject.html">Context
 *     object</a>
 */
final class ContextObject implements Supplier<JsonNode> {
    private final StepContext ctx;
    private final Cursor cursor;
    private final int retryCount;
    private final String token;
    private final int itemIndex;
    private final JsonNode itemValue;
    private JsonNode built;

    private ContextObject(
            StepContext ctx,
            Cursor cursor,
            int retryCount,
            String token,
            int itemIndex,
            JsonNode itemValue) {
        this.ctx = ctx;
        this.cursor = cursor;
        this.retryCount = retryCount;
        this.token = token;
        this.itemIndex = itemIndex;
        this.itemValue = itemValue;
    }

    /** The Context Object of the current state. */
    static ContextObject of(StepContext ctx, Cursor cursor, Retries retries) {
        return new ContextObject(ctx, cursor, retries.count(), null, -1, null);
    }

    /** With {@code $$.Task.Token}, for a Task state's Parameters. */
    static ContextObject forTask(StepContext ctx, Cursor cursor, Retries retries, String token) {
        return new ContextObject(ctx, cursor, retries.count(), token, -1, null);
    }

    /** With {@code $$.Map.Item}, for a Map state's ItemSelector. */
    static ContextObject forItem(
            StepContext ctx, Cursor cursor, Retries retries, int index, JsonNode value) {
        return new ContextObject(ctx, cursor, retries.count(), null, index, value);
    }

    @Override
    public JsonNode get() {
        if (built == null) {
            built = build();
        }
        return built;
    }

    private JsonNode build() {
        ExecutionInfo info = ctx.execution;
        ObjectNode root = Json.object();
        ObjectNode execution = root.putObject("Execution");
        execution.put("Id", info.executionArn());
        execution.set("Input", info.input());
        execution.put("Name", info.name());
        execution.put("RoleArn", info.roleArn());
        execution.put("StartTime", info.startTime().toString());
        execution.put("RedriveCount", 0);
        ObjectNode state = root.putObject("State");
        state.put("EnteredTime", cursor.entered.toString());
        state.put("Name", cursor.state);
        state.put("RetryCount", retryCount);
        ObjectNode machine = root.putObject("StateMachine");
        machine.put("Id", info.stateMachineArn());
        machine.put("Name", info.stateMachineName());
        if (token != null) {
            root.putObject("Task").put("Token", token);
        }
        if (itemIndex >= 0) {
            ObjectNode item = root.putObject("Map").putObject("Item");
            item.put("Index", itemIndex);
            item.set("Value", itemValue);
        }
        return root;
    }
}
