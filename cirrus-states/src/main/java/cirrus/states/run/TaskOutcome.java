package cirrus.states.run;

import com.fasterxml.jackson.databind.JsonNode;

/** How a blocking {@link TaskInvoker} call ended. */
public sealed interface TaskOutcome permits TaskOutcome.Succeeded, TaskOutcome.Failed {
    /** The task returned {@code output}. */
    record Succeeded(JsonNode output) implements TaskOutcome {}

    /** The task failed with an error name and cause (e.g. {@code Batch.AWSBatchException}). */
    record Failed(String error, String cause) implements TaskOutcome {}

    static TaskOutcome succeeded(JsonNode output) {
        return new Succeeded(output);
    }

    static TaskOutcome failed(String error, String cause) {
        return new Failed(error, cause);
    }
}
