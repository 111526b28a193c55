package cirrus.local.batch;

/**
 * A RUNNABLE job at the head of its queue that can never be placed: its resource requirements
 * exceed every compute environment of the queue. Like AWS, the job stays RUNNABLE and blocks its
 * queue, and its status reason says why ({@code reasonCode} is the part before " - ", the value a
 * queue's {@code JobStateTimeLimitActions} match on). The engine cancels such jobs or lets the
 * queue's time limit action do it.
 */
public record BlockedJob(
        String jobId, String jobQueue, String reasonCode, String statusReason, long since) {
    /** Every vCPU cap of the queue's compute environments is below the job's vCPUs. */
    public static final String MAX_RESOURCE = "MISCONFIGURATION:COMPUTE_ENVIRONMENT_MAX_RESOURCE";

    /** The job's memory or GPUs exceed what the compute environments can give. */
    public static final String RESOURCE_REQUIREMENT = "MISCONFIGURATION:JOB_RESOURCE_REQUIREMENT";

    /** The status reason AWS shows for {@link #MAX_RESOURCE}. */
    static final String MAX_RESOURCE_TEXT =
            MAX_RESOURCE
                    + " - CE(s) associated with the job queue cannot meet the CPU requirement of"
                    + " the job.";

    /** The status reason AWS shows for {@link #RESOURCE_REQUIREMENT}. */
    static final String RESOURCE_REQUIREMENT_TEXT =
            RESOURCE_REQUIREMENT
                    + " - The job resource requirement (vCPU/memory/GPU) is higher than that can"
                    + " be met by the CE(s) attached to the job queue.";
}
