package cirrus.local.batch;

/**
 * How a job's current attempt ends, as pure functions from the job and the event to the next job:
 * back to RUNNABLE when the retry strategy allows another attempt, else SUCCEEDED or FAILED. A
 * requested stop decides first: a timed-out attempt fails the job with "Job attempt duration
 * exceeded timeout" and a terminated one with the TerminateJob reason, neither retried (AWS).
 */
final class AttemptOutcomes {
    private AttemptOutcomes() {}

    /** The container ended with {@code exit} (or the launcher failed with {@code error}). */
    static Job exited(Job job, ContainerExit exit, Throwable error, long now) {
        RunningAttempt current = job.current();
        Integer code = exit == null ? null : exit.exitCode();
        String reason =
                exit != null
                        ? exit.reason()
                        : "InternalError: the local container runner failed: " + error;
        String statusReason = stopReason(current);
        boolean retry = false;
        if (statusReason == null) {
            statusReason = Job.CONTAINER_EXITED;
            retry =
                    (code == null || code != 0)
                            && job.effectiveRetryStrategy()
                                    .retries(job.attemptNumber(), statusReason, reason, code);
        }
        JobAttempt ended =
                new JobAttempt(
                        code,
                        reason,
                        current.logStreamName(),
                        current.startedAt(),
                        now,
                        statusReason);
        return job.attemptEnded(ended, retry, null, now);
    }

    /** The container could not be started; {@code reason} is the container reason. */
    static Job failedToStart(Job job, String reason, long now) {
        boolean retry =
                job.effectiveRetryStrategy()
                        .retries(job.attemptNumber(), Job.FAILED_TO_START, reason, null);
        JobAttempt attempt =
                new JobAttempt(
                        null,
                        reason,
                        job.current().logStreamName(),
                        null,
                        now,
                        Job.FAILED_TO_START);
        return job.attemptEnded(attempt, retry, null, now);
    }

    /**
     * The emulator stopped under a STARTING or RUNNING job: the attempt ends as if its EC2 host had
     * been terminated, so that {@code onStatusReason: "Host EC2*"} retry rules apply.
     */
    static Job hostTerminated(Job job, String hostName, boolean processKilled, long now) {
        RunningAttempt current = job.current();
        String statusReason = "Host EC2 (instance " + hostName + ") terminated.";
        String reason =
                "The local Batch emulator stopped while this attempt was "
                        + job.status().name()
                        + (processKilled ? "; its leftover process was killed" : "");
        String stopped = stopReason(current);
        boolean retry =
                stopped == null
                        && job.effectiveRetryStrategy()
                                .retries(job.attemptNumber(), statusReason, reason, null);
        JobAttempt attempt =
                new JobAttempt(
                        null,
                        reason,
                        current.logStreamName(),
                        current.startedAt(),
                        now,
                        statusReason);
        return job.attemptEnded(attempt, retry, stopped, now);
    }

    private static String stopReason(RunningAttempt current) {
        if (current.stop() == null) {
            return null;
        }
        return current.stop().kind() == RunningAttempt.StopRequest.Kind.TIMEOUT
                ? Job.TIMED_OUT
                : current.stop().reason();
    }
}
