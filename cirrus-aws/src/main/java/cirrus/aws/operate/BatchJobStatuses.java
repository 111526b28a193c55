package cirrus.aws.operate;

import java.time.Instant;
import java.util.Optional;

import software.amazon.awssdk.services.batch.BatchClient;
import software.amazon.awssdk.services.batch.model.AttemptDetail;
import software.amazon.awssdk.services.batch.model.JobDetail;

import cirrus.runtime.operate.BatchJobSource;
import cirrus.runtime.operate.BatchJobStatus;

/** Batch jobs from DescribeJobs, with the latest attempt's exit code and log stream. */
final class BatchJobStatuses implements BatchJobSource {
    private final BatchClient batch;

    BatchJobStatuses(BatchClient batch) {
        this.batch = batch;
    }

    @Override
    public Optional<BatchJobStatus> describe(String jobId) {
        try {
            return batch.describeJobs(r -> r.jobs(jobId)).jobs().stream()
                    .findFirst()
                    .map(BatchJobStatuses::status);
        } catch (RuntimeException e) {
            throw AwsErrors.of("DescribeJobs " + jobId, e);
        }
    }

    static BatchJobStatus status(JobDetail job) {
        Optional<AttemptDetail> last =
                job.hasAttempts() && !job.attempts().isEmpty()
                        ? Optional.of(job.attempts().get(job.attempts().size() - 1))
                        : Optional.empty();
        Optional<Integer> exit =
                Optional.ofNullable(job.container())
                        .map(c -> c.exitCode())
                        .or(() -> last.map(a -> a.container()).map(c -> c.exitCode()));
        Optional<String> stream =
                Optional.ofNullable(job.container())
                        .map(c -> c.logStreamName())
                        .or(() -> last.map(a -> a.container()).map(c -> c.logStreamName()));
        return new BatchJobStatus(
                job.jobId(),
                job.jobName() == null ? "" : job.jobName(),
                job.jobQueue() == null ? "" : job.jobQueue(),
                job.statusAsString(),
                Optional.ofNullable(job.statusReason()),
                exit,
                stream,
                Instant.ofEpochMilli(job.createdAt() == null ? 0 : job.createdAt()),
                Optional.ofNullable(job.startedAt()).map(Instant::ofEpochMilli),
                Optional.ofNullable(job.stoppedAt()).map(Instant::ofEpochMilli));
    }
}
