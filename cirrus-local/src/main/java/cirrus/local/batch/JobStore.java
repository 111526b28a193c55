package cirrus.local.batch;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where the Batch emulator keeps jobs and job definition revisions. Every write is durable when the
 * method returns, so that a restarted emulator finds each job in the last state it reached.
 * Implementations: {@link SqliteJobStore} (a file, survives restarts) and {@link InMemoryJobStore}.
 * Both pass the same contract test.
 */
public interface JobStore extends AutoCloseable {
    /** Inserts the job or replaces the stored job with the same id. */
    void put(Job job);

    /** Puts several jobs at once (one transaction where the store has them). */
    default void putAll(List<Job> jobs) {
        jobs.forEach(this::put);
    }

    /** The job with this id. */
    Optional<Job> get(String jobId);

    /**
     * Jobs in submission order, of one queue ({@code jobQueue} = queue name, {@code null} for all)
     * in one of {@code statuses} (empty = any), at most {@code limit}.
     */
    List<Job> list(String jobQueue, Set<JobStatus> statuses, int limit);

    /** Every job that is not SUCCEEDED or FAILED, in submission order. */
    List<Job> unfinished();

    /** The highest {@link Job#sequence()} stored, 0 when there is no job. */
    long lastSequence();

    /** Inserts the revision or replaces the stored revision with the same name and number. */
    void putJobDefinition(JobDefinition definition);

    /** Every revision of the named job definition, lowest revision first. */
    List<JobDefinition> jobDefinitions(String name);

    /** Releases the store's resources; further calls fail. */
    @Override
    void close();
}
