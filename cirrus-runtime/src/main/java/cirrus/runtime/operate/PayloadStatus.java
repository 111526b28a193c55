package cirrus.runtime.operate;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import cirrus.runtime.port.StateRecord;

/**
 * A payload as {@code cirrus payload status} shows it.
 *
 * @param item the state item
 * @param executions one summary per ARN of {@code item.executions()}, oldest first; an execution
 *     the service no longer knows has status {@link ExecutionStatus#UNKNOWN}
 * @param input the URL of the payload's input ({@code s3://<payload bucket>/<id>/input.json})
 * @param executionLink where an operator looks at an execution: the AWS console for a deployed
 *     stack, the local API for the local engine ({@code %s} stands for the execution ARN)
 */
public record PayloadStatus(
        StateRecord item, List<ExecutionSummary> executions, String input, String executionLink) {
    public PayloadStatus {
        Objects.requireNonNull(item, "item");
        executions = List.copyOf(executions);
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(executionLink, "executionLink");
    }

    /** The newest execution, when there is one. */
    public Optional<ExecutionSummary> latest() {
        return executions.isEmpty()
                ? Optional.empty()
                : Optional.of(executions.get(executions.size() - 1));
    }

    /** The link of one execution. */
    public String linkOf(String executionArn) {
        return executionLink.replace("%s", executionArn);
    }
}
