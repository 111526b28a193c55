package cirrus.local.batch;

/**
 * The states of a Batch job, in lifecycle order: SUBMITTED → PENDING → RUNNABLE → STARTING →
 * RUNNING → SUCCEEDED | FAILED. A retried job goes from RUNNING back to RUNNABLE.
 *
 * @see <a href="https://docs.aws.amazon.com/batch/latest/userguide/job_states.html">Job states</a>
 */
public enum JobStatus {
    SUBMITTED,
    PENDING,
    RUNNABLE,
    STARTING,
    RUNNING,
    SUCCEEDED,
    FAILED;

    /** SUCCEEDED or FAILED: the job will not change any more. */
    public boolean isTerminal() {
        return this == SUCCEEDED || this == FAILED;
    }

    /** STARTING or RUNNING: the job holds capacity on a compute environment. */
    public boolean holdsCapacity() {
        return this == STARTING || this == RUNNING;
    }

    /** SUBMITTED, PENDING or RUNNABLE: CancelJob still applies. */
    public boolean isCancellable() {
        return this == SUBMITTED || this == PENDING || this == RUNNABLE;
    }
}
