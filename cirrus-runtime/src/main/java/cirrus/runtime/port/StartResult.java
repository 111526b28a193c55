package cirrus.runtime.port;

import java.util.Objects;

/**
 * The outcome of {@link WorkflowStarter#start}.
 *
 * @param executionArn the execution's ARN
 * @param alreadyExisted an execution with that name existed already (nothing new was started)
 */
public record StartResult(String executionArn, boolean alreadyExisted) {
    public StartResult {
        Objects.requireNonNull(executionArn, "executionArn");
    }
}
