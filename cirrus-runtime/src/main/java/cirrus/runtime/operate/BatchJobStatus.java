package cirrus.runtime.operate;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A Batch job as DescribeJobs reports it, with its latest attempt.
 *
 * @param jobId the job id
 * @param name the job name
 * @param queue the job queue (name or ARN, as the service reports it)
 * @param status SUBMITTED, PENDING, RUNNABLE, STARTING, RUNNING, SUCCEEDED or FAILED
 * @param statusReason why it is in that status
 * @param exitCode the exit code of the latest attempt's container
 * @param logStream the log stream of the latest attempt (group {@code /aws/batch/job} unless the
 *     job definition names another)
 * @param createdAt when it was submitted
 * @param startedAt when it started running
 * @param stoppedAt when it ended
 */
public record BatchJobStatus(
        String jobId,
        String name,
        String queue,
        String status,
        Optional<String> statusReason,
        Optional<Integer> exitCode,
        Optional<String> logStream,
        Instant createdAt,
        Optional<Instant> startedAt,
        Optional<Instant> stoppedAt) {
    public BatchJobStatus {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(statusReason, "statusReason");
        Objects.requireNonNull(exitCode, "exitCode");
        Objects.requireNonNull(logStream, "logStream");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(stoppedAt, "stoppedAt");
    }
}
