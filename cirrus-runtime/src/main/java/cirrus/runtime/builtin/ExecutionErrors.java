package cirrus.runtime.builtin;

import java.util.Optional;

/**
 * Finds why an execution failed when its status event does not say (cirrus v0.15.4 reads the
 * execution history: the {@code $.error} input of the Fail state, or the last failed Lambda). The
 * AWS adapter implements it with {@code GetExecutionHistory}; the local engine from its own
 * history.
 */
@FunctionalInterface
public interface ExecutionErrors {
    /** Knows nothing: update-state reports {@link ExecutionError#UNKNOWN}. */
    ExecutionErrors NONE = arn -> Optional.empty();

    /** The error of the failed execution, if it can be found. */
    Optional<ExecutionError> errorOf(String executionArn);
}
