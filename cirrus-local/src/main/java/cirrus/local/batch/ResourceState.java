package cirrus.local.batch;

/** The {@code State} of a compute environment or job queue. */
public enum ResourceState {
    /** Accepts jobs (queue) or has jobs placed on it (compute environment). */
    ENABLED,
    /**
     * Queue: SubmitJob is rejected, jobs already in the queue still run. Compute environment: no
     * new job is placed on it, jobs already STARTING or RUNNING continue.
     */
    DISABLED
}
