package cirrus.local.operate;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import cirrus.local.batch.BatchEmulator;
import cirrus.local.batch.Job;
import cirrus.local.batch.JobAttempt;
import cirrus.runtime.operate.BatchJobSource;
import cirrus.runtime.operate.BatchJobStatus;

/** Batch jobs from the local Batch emulator. */
final class LocalBatchJobs implements BatchJobSource {
    private final BatchEmulator batch;

    LocalBatchJobs(BatchEmulator batch) {
        this.batch = batch;
    }

    @Override
    public Optional<BatchJobStatus> describe(String jobId) {
        return batch.job(jobId).map(LocalBatchJobs::status);
    }

    static BatchJobStatus status(Job job) {
        List<JobAttempt> attempts = job.attempts();
        Optional<JobAttempt> last =
                attempts.isEmpty()
                        ? Optional.empty()
                        : Optional.of(attempts.get(attempts.size() - 1));
        Optional<String> stream =
                last.map(JobAttempt::logStreamName)
                        .or(() -> Optional.ofNullable(job.current()).map(c -> c.logStreamName()));
        return new BatchJobStatus(
                job.jobId(),
                job.jobName(),
                job.jobQueue(),
                job.status().name(),
                Optional.ofNullable(job.statusReason()),
                last.map(JobAttempt::exitCode),
                stream,
                Instant.ofEpochMilli(job.createdAt()),
                Optional.ofNullable(job.startedAt()).map(Instant::ofEpochMilli),
                Optional.ofNullable(job.stoppedAt()).map(Instant::ofEpochMilli));
    }
}
