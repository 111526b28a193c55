package cirrus.local.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import cirrus.runtime.builtin.ExecutionError;
import cirrus.runtime.builtin.ExecutionErrors;
import cirrus.runtime.json.InvalidJsonException;
import cirrus.runtime.json.Json;

/**
 * The error of a failed execution, found in its stored history the way cirrus v0.15.4's
 * update-state finds it with GetExecutionHistory (the last 10 events, newest first): the {@code
 * error} of the input of the last state entered (what a Catch wrote with {@code ResultPath:
 * $.error} before a Fail state), or a failed Lambda's error, or the execution's own failure.
 */
final class HistoryErrors implements ExecutionErrors {
    private final ExecutionStore store;

    HistoryErrors(ExecutionStore store) {
        this.store = store;
    }

    @Override
    public Optional<ExecutionError> errorOf(String executionArn) {
        List<JsonNode> events = new ArrayList<>(store.history(executionArn));
        Collections.reverse(events);
        Optional<ExecutionError> executionFailure = Optional.empty();
        for (JsonNode event : events.subList(0, Math.min(10, events.size()))) {
            if (event.has("stateEnteredEventDetails")) {
                Optional<ExecutionError> fromInput =
                        fromStateInput(event.get("stateEnteredEventDetails").path("input"));
                if (fromInput.isPresent()) {
                    return fromInput;
                }
            } else if (event.path("lambdaFunctionFailedEventDetails").path("error").isTextual()) {
                JsonNode failed = event.get("lambdaFunctionFailedEventDetails");
                return Optional.of(
                        new ExecutionError(
                                failed.get("error").textValue(), failed.path("cause").asText("")));
            } else if (event.path("executionFailedEventDetails").path("error").isTextual()
                    && executionFailure.isEmpty()) {
                JsonNode failed = event.get("executionFailedEventDetails");
                executionFailure =
                        Optional.of(
                                new ExecutionError(
                                        failed.get("error").textValue(),
                                        failed.path("cause").asText("")));
            }
        }
        return executionFailure;
    }

    private static Optional<ExecutionError> fromStateInput(JsonNode input) {
        if (!input.isTextual()) {
            return Optional.empty();
        }
        try {
            JsonNode error = Json.parse(input.textValue()).get("error");
            if (error == null || !error.isObject() || !error.path("Error").isTextual()) {
                return Optional.empty();
            }
            JsonNode cause = error.get("Cause");
            return Optional.of(
                    new ExecutionError(
                            error.get("Error").textValue(),
                            cause == null || cause.isNull()
                                    ? ""
                                    : cause.isTextual() ? cause.textValue() : Json.write(cause)));
        } catch (InvalidJsonException e) {
            return Optional.empty();
        }
    }
}
