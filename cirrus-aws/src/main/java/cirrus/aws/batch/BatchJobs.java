package cirrus.aws.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.batch.BatchClient;
import software.amazon.awssdk.services.batch.model.JobDetail;
import software.amazon.awssdk.services.batch.model.ResourceRequirement;
import software.amazon.awssdk.services.batch.model.ResourceType;

import cirrus.runtime.port.StoreException;

/**
 * A thin wrapper over the AWS Batch calls cirrus makes: submit a job (feed-rerun's {@code batch}
 * mode, {@code submit_batch_job}) and read a job's status.
 */
public final class BatchJobs {
    private final BatchClient batch;

    public BatchJobs(BatchClient batch) {
        this.batch = batch;
    }

    /**
     * Submits the job.
     *
     * @return the job id
     */
    public String submit(JobSubmission job) {
        List<ResourceRequirement> resources = new ArrayList<>();
        job.vcpus()
                .ifPresent(
                        v ->
                                resources.add(
                                        ResourceRequirement.builder()
                                                .type(ResourceType.VCPU)
                                                .value(Integer.toString(v))
                                                .build()));
        job.memoryMiB()
                .ifPresent(
                        m ->
                                resources.add(
                                        ResourceRequirement.builder()
                                                .type(ResourceType.MEMORY)
                                                .value(Integer.toString(m))
                                                .build()));
        try {
            return batch.submitJob(
                            r -> {
                                r.jobName(job.name())
                                        .jobQueue(job.queue())
                                        .jobDefinition(job.definition())
                                        .parameters(job.parameters());
                                if (!resources.isEmpty()) {
                                    r.containerOverrides(o -> o.resourceRequirements(resources));
                                }
                            })
                    .jobId();
        } catch (SdkException e) {
            throw new StoreException(
                    "cannot submit Batch job "
                            + job.name()
                            + " to "
                            + job.queue()
                            + ": "
                            + e.getMessage(),
                    e);
        }
    }

    /** The job's details, or empty when Batch does not know it. */
    public Optional<JobDetail> describe(String jobId) {
        try {
            return batch.describeJobs(r -> r.jobs(jobId)).jobs().stream().findFirst();
        } catch (SdkException e) {
            throw new StoreException(
                    "cannot describe Batch job " + jobId + ": " + e.getMessage(), e);
        }
    }
}
