package cirrus.local.batch;

/**
 * The attempt a STARTING or RUNNING job is making: the compute environment holding its capacity,
 * its log stream, when its container started, the process id (and the process start time, to
 * recognise the same process after a crash), and why it is being stopped, once a TerminateJob or
 * timeout asked for it ({@code null} while nobody did).
 */
public record RunningAttempt(
        String computeEnvironment,
        String logStreamName,
        Long startedAt,
        Long pid,
        Long pidStartedAt,
        StopRequest stop) {
    /** Why a running attempt is being stopped. */
    public record StopRequest(Kind kind, String reason) {
        /** What asked for the stop; decides how the attempt ends. */
        public enum Kind {
            /** TerminateJob: the job fails with the given reason and is not retried. */
            TERMINATE,
            /** Attempt duration exceeded: the job fails and is not retried (AWS rule). */
            TIMEOUT
        }
    }

    /** This attempt, now running with this process. */
    public RunningAttempt running(long at, Long newPid, Long newPidStartedAt) {
        return new RunningAttempt(
                computeEnvironment, logStreamName, at, newPid, newPidStartedAt, stop);
    }

    /** This attempt, asked to stop (the first request wins). */
    public RunningAttempt stopping(StopRequest request) {
        return stop != null
                ? this
                : new RunningAttempt(
                        computeEnvironment, logStreamName, startedAt, pid, pidStartedAt, request);
    }
}
