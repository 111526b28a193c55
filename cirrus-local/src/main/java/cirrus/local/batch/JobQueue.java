package cirrus.local.batch;

import java.util.List;
import java.util.Objects;

/**
 * A job queue: its state, its priority (a higher value is scheduled first among queues that share a
 * compute environment) and its compute environments in the order jobs are placed on them.
 */
public record JobQueue(
        String logicalId,
        String name,
        ResourceState state,
        int priority,
        List<String> computeEnvironments,
        List<JobStateTimeLimitAction> timeLimitActions) {
    public JobQueue {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(state, "state");
        computeEnvironments = List.copyOf(computeEnvironments);
        timeLimitActions = timeLimitActions == null ? List.of() : List.copyOf(timeLimitActions);
        if (computeEnvironments.isEmpty() || computeEnvironments.size() > 3) {
            throw new IllegalArgumentException(
                    "ComputeEnvironmentOrder must list 1 to 3 compute environments, got "
                            + computeEnvironments.size());
        }
        if (priority < 0 || priority > 1000) {
            throw new IllegalArgumentException(
                    "Priority must be between 0 and 1000, got " + priority);
        }
    }

    /** A copy in another state. */
    public JobQueue withState(ResourceState newState) {
        return new JobQueue(
                logicalId, name, newState, priority, computeEnvironments, timeLimitActions);
    }

    /** A copy with another priority. */
    public JobQueue withPriority(int newPriority) {
        return new JobQueue(
                logicalId, name, state, newPriority, computeEnvironments, timeLimitActions);
    }
}
