package cirrus.local.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A submitted job and everything DescribeJobs reports about it. Immutable: each lifecycle step
 * returns the next snapshot, which the emulator persists before acting on it. {@code sequence}
 * orders jobs by submission (FIFO within a queue); {@code container} is the resolved container
 * (overrides applied, {@code Ref::} placeholders substituted); {@code retryStrategy} and {@code
 * timeoutSeconds} are {@code null} when neither the definition nor the submission set them.
 */
public record Job(
        String jobId,
        long sequence,
        String jobName,
        String jobArn,
        String jobQueue,
        String jobQueueArn,
        String jobDefinitionArn,
        String jobDefinitionName,
        JobStatus status,
        String statusReason,
        long createdAt,
        Long startedAt,
        Long stoppedAt,
        Map<String, String> parameters,
        ContainerProperties container,
        RetryStrategy retryStrategy,
        Integer timeoutSeconds,
        Map<String, String> tags,
        List<JobAttempt> attempts,
        RunningAttempt current,
        boolean cancelled,
        boolean terminated,
        List<StatusChange> history) {
    /** The status reason of an attempt whose container exited (successfully or not). */
    public static final String CONTAINER_EXITED = "Essential container in task exited";

    /** The status reason of an attempt stopped for exceeding {@code attemptDurationSeconds}. */
    public static final String TIMED_OUT = "Job attempt duration exceeded timeout";

    /** The status reason of an attempt whose container could not be started. */
    public static final String FAILED_TO_START = "Task failed to start";

    public Job {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(container, "container");
        parameters = JobDefinitionSpec.copy(parameters);
        tags = JobDefinitionSpec.copy(tags);
        attempts = attempts == null ? List.of() : List.copyOf(attempts);
        history = history == null ? List.of() : List.copyOf(history);
    }

    /** The retry strategy in force: the job's, or a single attempt. */
    public RetryStrategy effectiveRetryStrategy() {
        return retryStrategy == null ? RetryStrategy.SINGLE_ATTEMPT : retryStrategy;
    }

    /** The number of the attempt being made or about to be made (1-based). */
    public int attemptNumber() {
        return attempts.size() + 1;
    }

    /** The job in a new status, with no status reason. */
    public Job moved(JobStatus next, long at) {
        return with(next, null, startedAt, stoppedAt, attempts, current, cancelled, terminated, at);
    }

    /** The RUNNABLE job with a reason why it cannot be placed ({@code null} to clear it). */
    public Job withStatusReason(String reason) {
        return new Job(
                jobId,
                sequence,
                jobName,
                jobArn,
                jobQueue,
                jobQueueArn,
                jobDefinitionArn,
                jobDefinitionName,
                status,
                reason,
                createdAt,
                startedAt,
                stoppedAt,
                parameters,
                container,
                retryStrategy,
                timeoutSeconds,
                tags,
                attempts,
                current,
                cancelled,
                terminated,
                history);
    }

    /** The job placed on a compute environment: STARTING, with its attempt's log stream. */
    public Job starting(String computeEnvironment, String logStreamName, long at) {
        RunningAttempt attempt =
                new RunningAttempt(computeEnvironment, logStreamName, null, null, null, null);
        return with(
                JobStatus.STARTING,
                null,
                startedAt,
                stoppedAt,
                attempts,
                attempt,
                false,
                false,
                at);
    }

    /** The job whose container runs as process {@code pid} (null when not a process). */
    public Job running(long at, Long pid, Long pidStartedAt) {
        return with(
                JobStatus.RUNNING,
                null,
                at,
                stoppedAt,
                attempts,
                current.running(at, pid, pidStartedAt),
                cancelled,
                terminated,
                at);
    }

    /** The job with a stop requested for its running attempt. */
    public Job stopping(RunningAttempt.StopRequest request) {
        return with(
                status,
                statusReason,
                startedAt,
                stoppedAt,
                attempts,
                current.stopping(request),
                cancelled,
                terminated,
                -1);
    }

    /**
     * The job after its current attempt ended: back to RUNNABLE when {@code retry}, else SUCCEEDED
     * (exit code 0) or FAILED with {@code attempt.statusReason()} (or {@code jobStatusReason} when
     * given).
     */
    public Job attemptEnded(JobAttempt attempt, boolean retry, String jobStatusReason, long at) {
        List<JobAttempt> all = new ArrayList<>(attempts);
        all.add(attempt);
        boolean terminate =
                current != null
                        && current.stop() != null
                        && current.stop().kind() == RunningAttempt.StopRequest.Kind.TERMINATE;
        if (retry) {
            return with(
                    JobStatus.RUNNABLE, null, startedAt, stoppedAt, all, null, false, false, at);
        }
        boolean succeeded = attempt.exitCode() != null && attempt.exitCode() == 0 && !terminate;
        String reason = jobStatusReason != null ? jobStatusReason : attempt.statusReason();
        return with(
                succeeded ? JobStatus.SUCCEEDED : JobStatus.FAILED,
                reason,
                startedAt,
                at,
                all,
                null,
                false,
                terminate,
                at);
    }

    /** The job stopped before it started (CancelJob, TerminateJob or a time limit action). */
    public Job cancelled(String reason, boolean byTerminate, long at) {
        return with(
                JobStatus.FAILED,
                reason,
                startedAt,
                at,
                attempts,
                null,
                !byTerminate,
                byTerminate,
                at);
    }

    private Job with(
            JobStatus next,
            String reason,
            Long started,
            Long stopped,
            List<JobAttempt> newAttempts,
            RunningAttempt attempt,
            boolean isCancelled,
            boolean isTerminated,
            long at) {
        List<StatusChange> newHistory = history;
        if (at >= 0 && next != status) {
            newHistory = new ArrayList<>(history);
            newHistory.add(new StatusChange(next, at));
        }
        return new Job(
                jobId,
                sequence,
                jobName,
                jobArn,
                jobQueue,
                jobQueueArn,
                jobDefinitionArn,
                jobDefinitionName,
                next,
                reason,
                createdAt,
                started,
                stopped,
                parameters,
                container,
                retryStrategy,
                timeoutSeconds,
                tags,
                newAttempts,
                attempt,
                isCancelled,
                isTerminated,
                newHistory);
    }
}
