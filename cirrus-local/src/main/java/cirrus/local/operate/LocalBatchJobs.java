package cirrus.local.operate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import cirrus.local.batch.BatchEmulator;
import cirrus.local.batch.BatchResources;
import cirrus.local.batch.ComputeEnvironment;
import cirrus.local.batch.Job;
import cirrus.local.batch.JobAttempt;
import cirrus.local.batch.JobQueue;
import cirrus.local.batch.JobStatus;
import cirrus.runtime.operate.BatchJobSource;
import cirrus.runtime.operate.BatchJobStatus;
import cirrus.runtime.operate.BatchOverview;

/** Batch jobs from the local Batch emulator or its job store. */
final class LocalBatchJobs implements BatchJobSource {
    private final Function<String, Optional<Job>> jobs;
    private final Optional<BatchEmulator> batch;

    LocalBatchJobs(Function<String, Optional<Job>> jobs) {
        this.jobs = jobs;
        this.batch = Optional.empty();
    }

    /** The jobs of a running emulator, with its queues and compute environments. */
    LocalBatchJobs(BatchEmulator batch) {
        this.jobs = batch::job;
        this.batch = Optional.of(batch);
    }

    @Override
    public BatchOverview overview(int jobsPerStatus) {
        if (batch.isEmpty()) {
            return BatchOverview.empty();
        }
        BatchEmulator batch = this.batch.get();
        BatchResources resources = batch.resources();
        List<BatchOverview.Queue> queues = new ArrayList<>();
        Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
        Map<String, Long> milliVcpus = new HashMap<>();
        List<BatchJobStatus> jobs = new ArrayList<>();
        for (JobQueue q : resources.jobQueues().values()) {
            queues.add(
                    new BatchOverview.Queue(
                            q.name(), q.state().name(), q.priority(), q.computeEnvironments()));
            Map<String, Integer> byStatus = new LinkedHashMap<>();
            for (JobStatus status : JobStatus.values()) {
                List<Job> listed = batch.listJobs(q.name(), status);
                byStatus.put(status.name(), listed.size());
                if (status == JobStatus.STARTING || status == JobStatus.RUNNING) {
                    for (Job job : listed) {
                        if (job.current() != null) {
                            milliVcpus.merge(
                                    job.current().computeEnvironment(),
                                    job.container().resources().milliVcpus(),
                                    Long::sum);
                        }
                    }
                }
                listed.stream()
                        .sorted(Comparator.comparingLong(Job::createdAt).reversed())
                        .limit(jobsPerStatus)
                        .map(LocalBatchJobs::status)
                        .forEach(jobs::add);
            }
            counts.put(q.name(), byStatus);
        }
        List<BatchOverview.Environment> environments = new ArrayList<>();
        for (ComputeEnvironment ce : resources.computeEnvironments().values()) {
            String type =
                    ce.type()
                            + (ce.computeResourceType() == null
                                    ? ""
                                    : " " + ce.computeResourceType());
            environments.add(
                    new BatchOverview.Environment(
                            ce.name(),
                            ce.state().name(),
                            type,
                            Optional.ofNullable(ce.maxvCpus()),
                            milliVcpus.getOrDefault(ce.name(), 0L) / 1000.0));
        }
        jobs.sort(Comparator.comparing(BatchJobStatus::createdAt).reversed());
        return new BatchOverview(queues, environments, counts, jobs);
    }

    @Override
    public Optional<BatchJobStatus> describe(String jobId) {
        return jobs.apply(jobId).map(LocalBatchJobs::status);
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
