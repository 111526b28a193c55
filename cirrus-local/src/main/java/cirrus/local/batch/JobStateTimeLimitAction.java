package cirrus.local.batch;

import java.util.Objects;

/**
 * A job queue's {@code JobStateTimeLimitActions} entry: when the job at the head of the queue has
 * been blocked in {@code state} (RUNNABLE) with a status reason starting with {@code reason} for
 * {@code maxTimeSeconds}, the action (CANCEL or TERMINATE) is applied to it so the queue moves on.
 */
public record JobStateTimeLimitAction(
        String reason, JobStatus state, int maxTimeSeconds, String action) {
    public JobStateTimeLimitAction {
        Objects.requireNonNull(reason, "reason");
        if (state != JobStatus.RUNNABLE) {
            throw new IllegalArgumentException("State must be RUNNABLE, got " + state);
        }
        if (maxTimeSeconds < 600 || maxTimeSeconds > 86_400) {
            throw new IllegalArgumentException(
                    "MaxTimeSeconds must be between 600 and 86400, got " + maxTimeSeconds);
        }
        if (!action.equals("CANCEL") && !action.equals("TERMINATE")) {
            throw new IllegalArgumentException("Action must be CANCEL or TERMINATE, got " + action);
        }
    }

    /** The job's status reason after the action, as AWS words it. */
    public String statusReason() {
        return (action.equals("CANCEL") ? "Canceled" : "Terminated")
                + " by JobStateTimeLimit action due to reason: "
                + reason;
    }
}
