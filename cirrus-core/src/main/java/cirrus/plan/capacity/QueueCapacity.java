package cirrus.plan.capacity;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The vCPU ceiling of one job queue and what it means for the job definitions submitted to it.
 *
 * @param queue the queue's logical id
 * @param environments its compute environments in placement order, with their MaxvCpus (absent when
 *     the template does not state a number)
 * @param maxvCpus the sum of the enabled compute environments' MaxvCpus, when all are known
 * @param jobs the job definitions workflows submit to this queue
 */
public record QueueCapacity(
        String queue,
        Map<String, OptionalLong> environments,
        OptionalLong maxvCpus,
        List<JobCapacity> jobs) {
    public QueueCapacity {
        environments =
                java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(environments));
        jobs = List.copyOf(jobs);
    }
}
