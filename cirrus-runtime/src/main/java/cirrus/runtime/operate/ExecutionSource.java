package cirrus.runtime.operate;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/** Executions and their histories (Step Functions, or the local engine's store). */
public interface ExecutionSource {
    /** The execution, or empty when the service does not know it. */
    Optional<ExecutionSummary> describe(String executionArn);

    /** The whole history, oldest first (paged by the adapter), or empty when not known. */
    Optional<List<HistoryEvent>> history(String executionArn);

    /**
     * The Amazon States Language definition the execution ran, or empty when it cannot be found (an
     * adapter that does not know definitions, or a removed state machine).
     */
    default Optional<JsonNode> definition(String executionArn) {
        return Optional.empty();
    }
}
