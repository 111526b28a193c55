package cirrus.local.run;

import java.util.Objects;
import java.util.Optional;

/**
 * A Batch job a payload's execution ran.
 *
 * @param jobId the job id
 * @param jobName the job name
 * @param jobQueue the queue name
 * @param status its status
 * @param statusReason why it is in that status, if known
 * @param exitCode the exit code of its last attempt
 * @param logFile the log file of its last attempt
 */
public record JobSummary(
        String jobId,
        String jobName,
        String jobQueue,
        String status,
        Optional<String> statusReason,
        Optional<Integer> exitCode,
        Optional<String> logFile) {
    public JobSummary {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(status, "status");
    }
}
