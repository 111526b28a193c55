package cirrus.aws.operate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import software.amazon.awssdk.services.batch.BatchClient;
import software.amazon.awssdk.services.batch.model.AttemptDetail;
import software.amazon.awssdk.services.batch.model.ComputeEnvironmentDetail;
import software.amazon.awssdk.services.batch.model.ComputeEnvironmentOrder;
import software.amazon.awssdk.services.batch.model.ComputeResource;
import software.amazon.awssdk.services.batch.model.JobDetail;
import software.amazon.awssdk.services.batch.model.JobQueueDetail;
import software.amazon.awssdk.services.batch.model.JobSummary;

import cirrus.runtime.operate.BatchJobSource;
import cirrus.runtime.operate.BatchJobStatus;
import cirrus.runtime.operate.BatchOverview;

/** Batch jobs from DescribeJobs, with the latest attempt's exit code and log stream. */
final class BatchJobStatuses implements BatchJobSource {
    /** Jobs listed per queue and status at most (counts beyond it show as this many). */
    static final int LIST_CAP = 100;

    private static final List<String> STATUSES =
            List.of(
                    "SUBMITTED",
                    "PENDING",
                    "RUNNABLE",
                    "STARTING",
                    "RUNNING",
                    "SUCCEEDED",
                    "FAILED");

    private final BatchClient batch;
    private final String namePrefix;

    BatchJobStatuses(BatchClient batch) {
        this(batch, "");
    }

    /**
     * @param namePrefix the stack's queues and environments start with it (cirrus names them {@code
     *     <service>-<stage>-…}); when none does, every queue of the account is shown
     */
    BatchJobStatuses(BatchClient batch, String namePrefix) {
        this.batch = batch;
        this.namePrefix = namePrefix;
    }

    /**
     * DescribeJobQueues, DescribeComputeEnvironments (vCPUs in use = {@code desiredvCpus}, what
     * Batch scales the environment to) and ListJobs per queue and status.
     */
    @Override
    public BatchOverview overview(int jobsPerStatus) {
        try {
            List<JobQueueDetail> queues = new ArrayList<>();
            batch.describeJobQueuesPaginator(r -> r.maxResults(100))
                    .jobQueues()
                    .forEach(queues::add);
            List<ComputeEnvironmentDetail> envs = new ArrayList<>();
            batch.describeComputeEnvironmentsPaginator(r -> r.maxResults(100))
                    .computeEnvironments()
                    .forEach(envs::add);
            boolean ours = queues.stream().anyMatch(q -> q.jobQueueName().startsWith(namePrefix));
            List<BatchOverview.Queue> outQueues = new ArrayList<>();
            Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
            List<BatchJobStatus> jobs = new ArrayList<>();
            java.util.Set<String> envArns = new java.util.HashSet<>();
            for (JobQueueDetail q : queues) {
                if (ours && !q.jobQueueName().startsWith(namePrefix)) {
                    continue;
                }
                List<String> ceNames = new ArrayList<>();
                for (ComputeEnvironmentOrder o : q.computeEnvironmentOrder()) {
                    envArns.add(o.computeEnvironment());
                    ceNames.add(
                            o.computeEnvironment()
                                    .substring(o.computeEnvironment().lastIndexOf('/') + 1));
                }
                outQueues.add(
                        new BatchOverview.Queue(
                                q.jobQueueName(),
                                q.stateAsString() == null ? "" : q.stateAsString(),
                                q.priority() == null ? 0 : q.priority(),
                                ceNames));
                Map<String, Integer> byStatus = new LinkedHashMap<>();
                for (String status : STATUSES) {
                    List<JobSummary> listed =
                            batch.listJobs(
                                            r ->
                                                    r.jobQueue(q.jobQueueName())
                                                            .jobStatus(status)
                                                            .maxResults(LIST_CAP))
                                    .jobSummaryList();
                    byStatus.put(status, listed.size());
                    listed.stream()
                            .limit(jobsPerStatus)
                            .map(j -> summary(j, q.jobQueueName()))
                            .forEach(jobs::add);
                }
                counts.put(q.jobQueueName(), byStatus);
            }
            List<BatchOverview.Environment> outEnvs = new ArrayList<>();
            for (ComputeEnvironmentDetail e : envs) {
                if (ours
                        && !envArns.contains(e.computeEnvironmentArn())
                        && !e.computeEnvironmentName().startsWith(namePrefix)) {
                    continue;
                }
                ComputeResource r = e.computeResources();
                outEnvs.add(
                        new BatchOverview.Environment(
                                e.computeEnvironmentName(),
                                e.stateAsString() == null ? "" : e.stateAsString(),
                                (e.typeAsString() == null ? "" : e.typeAsString())
                                        + (r == null || r.typeAsString() == null
                                                ? ""
                                                : " " + r.typeAsString()),
                                Optional.ofNullable(r).map(ComputeResource::maxvCpus),
                                r == null || r.desiredvCpus() == null ? 0 : r.desiredvCpus()));
            }
            jobs.sort(Comparator.comparing(BatchJobStatus::createdAt).reversed());
            return new BatchOverview(outQueues, outEnvs, counts, jobs);
        } catch (RuntimeException e) {
            throw AwsErrors.of("DescribeJobQueues/ListJobs", e);
        }
    }

    private static BatchJobStatus summary(JobSummary j, String queue) {
        return new BatchJobStatus(
                j.jobId(),
                j.jobName() == null ? "" : j.jobName(),
                queue,
                j.statusAsString(),
                Optional.ofNullable(j.statusReason()),
                Optional.ofNullable(j.container()).map(c -> c.exitCode()),
                Optional.empty(),
                Instant.ofEpochMilli(j.createdAt() == null ? 0 : j.createdAt()),
                Optional.ofNullable(j.startedAt()).map(Instant::ofEpochMilli),
                Optional.ofNullable(j.stoppedAt()).map(Instant::ofEpochMilli));
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
