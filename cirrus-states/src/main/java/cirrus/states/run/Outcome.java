package cirrus.states.run;

import com.fasterxml.jackson.databind.JsonNode;

import cirrus.states.StatesError;

/** Where a run stands at the end of a step. */
sealed interface Outcome {
    /** It waits. */
    record Waiting(Run run) implements Outcome {}

    /** It succeeded with {@code output}. */
    record Finished(JsonNode output, long lastEventId) implements Outcome {}

    /** It failed. */
    record Failed(StatesError error, long lastEventId) implements Outcome {}
}
