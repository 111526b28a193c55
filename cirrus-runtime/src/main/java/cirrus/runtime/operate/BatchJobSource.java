package cirrus.runtime.operate;

import java.util.Optional;

/** Batch jobs (DescribeJobs, or the local Batch emulator). */
@FunctionalInterface
public interface BatchJobSource {
    /** The job, or empty when Batch does not know it. */
    Optional<BatchJobStatus> describe(String jobId);

    /**
     * The queues, compute environments and latest jobs ({@code jobsPerStatus} of each queue and
     * status at most); empty for a backend that cannot tell.
     */
    default BatchOverview overview(int jobsPerStatus) {
        return BatchOverview.empty();
    }

    /** A deployment or project without Batch. */
    static BatchJobSource none() {
        return id -> Optional.empty();
    }
}
