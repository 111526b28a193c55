package cirrus.runtime.operate;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The Batch side of a pipeline at one moment: its job queues, their compute environments with the
 * vCPUs in use against {@code MaxvCpus}, job counts per queue and status, and the latest jobs.
 *
 * @param queues the job queues
 * @param environments the compute environments
 * @param counts per queue name, per job status: how many jobs (as far as listed)
 * @param jobs the latest jobs of each queue and status, newest first
 */
public record BatchOverview(
        List<Queue> queues,
        List<Environment> environments,
        Map<String, Map<String, Integer>> counts,
        List<BatchJobStatus> jobs) {
    /**
     * A job queue.
     *
     * @param name its name
     * @param state ENABLED or DISABLED
     * @param priority its priority
     * @param environments its compute environments' names, in placement order
     */
    public record Queue(String name, String state, int priority, List<String> environments) {
        public Queue {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(state, "state");
            environments = List.copyOf(environments);
        }
    }

    /**
     * A compute environment.
     *
     * @param name its name
     * @param state ENABLED or DISABLED
     * @param type MANAGED or UNMANAGED, with the resource type (EC2, SPOT, FARGATE …) when known
     * @param maxvCpus its cap, empty when it has none
     * @param vcpusInUse the vCPUs its STARTING and RUNNING jobs hold (AWS: as it reports them)
     */
    public record Environment(
            String name, String state, String type, Optional<Integer> maxvCpus, double vcpusInUse) {
        public Environment {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(maxvCpus, "maxvCpus");
        }
    }

    public BatchOverview {
        queues = List.copyOf(queues);
        environments = List.copyOf(environments);
        counts = Map.copyOf(counts);
        jobs = List.copyOf(jobs);
    }

    /** A pipeline without Batch. */
    public static BatchOverview empty() {
        return new BatchOverview(List.of(), List.of(), Map.of(), List.of());
    }
}
