package cirrus.local.batch;

/**
 * Where the job at the head of a queue can go now: onto a compute environment, nowhere yet (it
 * waits for capacity), or nowhere ever (its requirements exceed every environment of the queue: the
 * queue is blocked, with AWS's reason).
 */
sealed interface Placement {
    /** The job fits on this environment now. */
    record Placed(ComputeEnvironment environment) implements Placement {}

    /** The job fits some environment of the queue once capacity frees (or one is enabled). */
    record Waiting() implements Placement {}

    /** The job can never fit: {@code code} is AWS's reason code, {@code text} the full reason. */
    record Blocked(String code, String text) implements Placement {}

    /**
     * The placement of a job of {@code queue}: the first ENABLED environment, in the queue's order,
     * with room left; else waiting if any environment of the queue (in any state) could hold the
     * job when empty; else blocked, by vCPUs alone or by memory/GPU.
     */
    static Placement of(Job job, JobQueue queue, BatchResources resources, CapacityLedger ledger) {
        ResourceRequirements needs = job.container().resources();
        boolean vcpusOnly = true;
        boolean couldFit = false;
        for (String name : queue.computeEnvironments()) {
            ComputeEnvironment environment = resources.computeEnvironments().get(name);
            if (environment == null) {
                continue;
            }
            if (environment.state() == ResourceState.ENABLED
                    && ledger.fitsNow(environment, needs)) {
                return new Placed(environment);
            }
            couldFit |= CapacityLedger.couldFit(environment, needs);
            vcpusOnly &= CapacityLedger.vcpusTooMany(environment, needs);
        }
        if (couldFit) {
            return new Waiting();
        }
        return vcpusOnly
                ? new Blocked(BlockedJob.MAX_RESOURCE, BlockedJob.MAX_RESOURCE_TEXT)
                : new Blocked(
                        BlockedJob.RESOURCE_REQUIREMENT, BlockedJob.RESOURCE_REQUIREMENT_TEXT);
    }
}
