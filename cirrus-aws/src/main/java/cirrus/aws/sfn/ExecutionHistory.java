package cirrus.aws.sfn;

import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

import cirrus.runtime.builtin.ExecutionError;
import cirrus.runtime.builtin.ExecutionErrors;
import cirrus.runtime.json.InvalidJsonException;
import cirrus.runtime.json.Json;

/**
 * Why an execution failed, from its history, as cirrus v0.15.4 {@code get_execution_error} finds
 * it: the 10 newest events, newest first; the first {@code stateEntered} event whose input has an
 * {@code error} object (the Fail state after a {@code Catch} with {@code ResultPath: $.error}), or
 * the first failed Lambda task. When neither exists, the execution's own failure details are used
 * (a fix: v0.15.4 reported "Unknown" then). Any API failure means "unknown".
 */
public final class ExecutionHistory implements ExecutionErrors {
    private final SfnClient sfn;

    public ExecutionHistory(SfnClient sfn) {
        this.sfn = sfn;
    }

    @Override
    public Optional<ExecutionError> errorOf(String executionArn) {
        Iterable<HistoryEvent> events;
        try {
            events =
                    sfn.getExecutionHistory(
                                    r ->
                                            r.executionArn(executionArn)
                                                    .maxResults(10)
                                                    .reverseOrder(true))
                            .events();
        } catch (SdkException e) {
            return Optional.empty();
        }
        Optional<ExecutionError> executionFailure = Optional.empty();
        for (HistoryEvent event : events) {
            if (event.stateEnteredEventDetails() != null) {
                Optional<ExecutionError> fromInput =
                        fromStateInput(event.stateEnteredEventDetails().input());
                if (fromInput.isPresent()) {
                    return fromInput;
                }
            } else if (event.lambdaFunctionFailedEventDetails() != null) {
                var failed = event.lambdaFunctionFailedEventDetails();
                if (failed.error() != null) {
                    return Optional.of(
                            new ExecutionError(
                                    failed.error(), failed.cause() == null ? "" : failed.cause()));
                }
            } else if (event.executionFailedEventDetails() != null
                    && event.executionFailedEventDetails().error() != null
                    && executionFailure.isEmpty()) {
                var failed = event.executionFailedEventDetails();
                executionFailure =
                        Optional.of(
                                new ExecutionError(
                                        failed.error(),
                                        failed.cause() == null ? "" : failed.cause()));
            }
        }
        return executionFailure;
    }

    private static Optional<ExecutionError> fromStateInput(String input) {
        if (input == null) {
            return Optional.empty();
        }
        try {
            JsonNode error = Json.parse(input).get("error");
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
