package cirrus.runtime.operate;

import java.util.List;
import java.util.Optional;

/** Executions and their histories (Step Functions, or the local engine's store). */
public interface ExecutionSource {
    /** The execution, or empty when the service does not know it. */
    Optional<ExecutionSummary> describe(String executionArn);

    /** The whole history, oldest first (paged by the adapter), or empty when not known. */
    Optional<List<HistoryEvent>> history(String executionArn);
}
