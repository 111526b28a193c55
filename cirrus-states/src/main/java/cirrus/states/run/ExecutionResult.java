package cirrus.states.run;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import cirrus.states.StatesError;

/**
 * How an execution run by {@link SyncDriver} ended.
 *
 * @param status the final status
 * @param output the output when it succeeded, else null
 * @param error the error when it failed, timed out or was aborted, else null
 * @param history every history event
 * @param snapshot the final snapshot
 */
public record ExecutionResult(
        ExecutionStatus status,
        JsonNode output,
        StatesError error,
        List<HistoryEvent> history,
        Snapshot snapshot) {
    public ExecutionResult {
        history = List.copyOf(history);
    }
}
