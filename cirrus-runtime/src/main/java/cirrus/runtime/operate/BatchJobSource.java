package cirrus.runtime.operate;

import java.util.Optional;

/** Batch jobs (DescribeJobs, or the local Batch emulator). */
@FunctionalInterface
public interface BatchJobSource {
    /** The job, or empty when Batch does not know it. */
    Optional<BatchJobStatus> describe(String jobId);

    /** A deployment or project without Batch. */
    static BatchJobSource none() {
        return id -> Optional.empty();
    }
}
