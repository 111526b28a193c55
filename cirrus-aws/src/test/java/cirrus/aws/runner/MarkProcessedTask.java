package cirrus.aws.runner;

import com.fasterxml.jackson.databind.node.ObjectNode;

import cirrus.runtime.payload.ProcessPayload;
import cirrus.runtime.task.InvalidInput;
import cirrus.runtime.task.Task;
import cirrus.runtime.task.TaskContext;

/**
 * A test task: sets {@code properties.processed_by} on every item to the task name; fails with
 * {@link InvalidInput} when its config says {@code "invalid": true}, with a plain error when {@code
 * "crash": true}.
 */
public final class MarkProcessedTask implements Task {
    @Override
    public ProcessPayload process(ProcessPayload payload, TaskContext context) {
        if (context.config().path("invalid").asBoolean(false)) {
            throw new InvalidInput("no usable assets in " + payload.id());
        }
        if (context.config().path("crash").asBoolean(false)) {
            throw new IllegalStateException("disk full");
        }
        var items = payload.features();
        for (ObjectNode item : items) {
            ((ObjectNode) item.get("properties")).put("processed_by", context.taskName());
        }
        return payload.withFeatures(items);
    }
}
