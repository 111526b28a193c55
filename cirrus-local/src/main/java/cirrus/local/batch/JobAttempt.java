package cirrus.local.batch;

/**
 * A finished attempt of a job, as {@code attempts[]} of DescribeJobs shows it: the container's exit
 * code (absent when it never ran or the emulator lost it), the container reason (e.g. {@code
 * CannotPullContainerError: …}), the log stream, start/stop times and the attempt's status reason.
 */
public record JobAttempt(
        Integer exitCode,
        String reason,
        String logStreamName,
        Long startedAt,
        long stoppedAt,
        String statusReason) {}
