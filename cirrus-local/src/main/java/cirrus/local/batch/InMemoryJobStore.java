package cirrus.local.batch;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link JobStore} in memory, for tests and for runs that need no durability. */
public final class InMemoryJobStore implements JobStore {
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final Map<String, TreeMap<Integer, JobDefinition>> definitions =
            new ConcurrentHashMap<>();

    @Override
    public void put(Job job) {
        jobs.put(job.jobId(), job);
    }

    @Override
    public Optional<Job> get(String jobId) {
        return Optional.ofNullable(jobs.get(jobId));
    }

    @Override
    public List<Job> list(String jobQueue, Set<JobStatus> statuses, int limit) {
        return jobs.values().stream()
                .filter(job -> jobQueue == null || job.jobQueue().equals(jobQueue))
                .filter(job -> statuses.isEmpty() || statuses.contains(job.status()))
                .sorted(Comparator.comparingLong(Job::sequence))
                .limit(limit)
                .toList();
    }

    @Override
    public List<Job> unfinished() {
        return jobs.values().stream()
                .filter(job -> !job.status().isTerminal())
                .sorted(Comparator.comparingLong(Job::sequence))
                .toList();
    }

    @Override
    public long lastSequence() {
        return jobs.values().stream().mapToLong(Job::sequence).max().orElse(0);
    }

    @Override
    public synchronized void putJobDefinition(JobDefinition definition) {
        definitions
                .computeIfAbsent(definition.name(), name -> new TreeMap<>())
                .put(definition.revision(), definition);
    }

    @Override
    public synchronized List<JobDefinition> jobDefinitions(String name) {
        TreeMap<Integer, JobDefinition> revisions = definitions.get(name);
        return revisions == null ? List.of() : new ArrayList<>(revisions.values());
    }

    @Override
    public void close() {}
}
