package cirrus.states.run;

import com.fasterxml.jackson.databind.JsonNode;

import cirrus.states.StatesError;

/** What happens after a state did its part of a step. */
sealed interface Progress {
    /** Enter {@code state} with {@code input}. */
    record Next(String state, JsonNode input) implements Progress {}

    /** The run ends with {@code output}. */
    record End(JsonNode output) implements Progress {}

    /** The run fails; {@code fromBranch} when the error escaped a branch or iteration. */
    record Fail(StatesError error, boolean fromBranch) implements Progress {}

    /** The state waits. */
    record Block(Activity activity) implements Progress {}
}
