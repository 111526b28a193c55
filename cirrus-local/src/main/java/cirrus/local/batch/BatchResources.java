package cirrus.local.batch;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Batch resources of a project: compute environments, job queues and job definition specs, each
 * keyed by name in declaration order. Built from CloudFormation resources with {@link
 * #fromCloudFormation}; immutable (the {@code with…} methods return updated copies).
 */
public record BatchResources(
        Map<String, ComputeEnvironment> computeEnvironments,
        Map<String, JobQueue> jobQueues,
        Map<String, JobDefinitionSpec> jobDefinitions) {
    public BatchResources {
        computeEnvironments = frozen(computeEnvironments);
        jobQueues = frozen(jobQueues);
        jobDefinitions = frozen(jobDefinitions);
    }

    /**
     * Reads every {@code AWS::Batch::ComputeEnvironment}, {@code AWS::Batch::JobQueue} and {@code
     * AWS::Batch::JobDefinition} of a CloudFormation {@code Resources} map (logical id → {@code
     * {Type, Properties}}, values already resolved to plain strings and numbers; a queue may still
     * reference its compute environments with {@code {Ref: LogicalId}}). Other resource types are
     * ignored.
     *
     * @throws BatchResourceException with every problem found
     */
    public static BatchResources fromCloudFormation(Map<String, ?> resourcesByLogicalId) {
        List<BatchProblem> problems = new ArrayList<>();
        BatchResources resources = new BatchResourceReader(problems).read(resourcesByLogicalId);
        if (!problems.isEmpty()) {
            throw new BatchResourceException(problems);
        }
        return resources;
    }

    /** The compute environment with this name or ARN. */
    public Optional<ComputeEnvironment> computeEnvironment(String nameOrArn) {
        String name = BatchArns.resource(nameOrArn, "compute-environment").orElse(nameOrArn);
        return Optional.ofNullable(computeEnvironments.get(name));
    }

    /** The job queue with this name or ARN. */
    public Optional<JobQueue> jobQueue(String nameOrArn) {
        String name = BatchArns.resource(nameOrArn, "job-queue").orElse(nameOrArn);
        return Optional.ofNullable(jobQueues.get(name));
    }

    /** A copy with this compute environment added or replaced. */
    public BatchResources with(ComputeEnvironment environment) {
        Map<String, ComputeEnvironment> copy = new LinkedHashMap<>(computeEnvironments);
        copy.put(environment.name(), environment);
        return new BatchResources(copy, jobQueues, jobDefinitions);
    }

    /** A copy with this job queue added or replaced. */
    public BatchResources with(JobQueue queue) {
        Map<String, JobQueue> copy = new LinkedHashMap<>(jobQueues);
        copy.put(queue.name(), queue);
        return new BatchResources(computeEnvironments, copy, jobDefinitions);
    }

    private static <V> Map<String, V> frozen(Map<String, V> map) {
        return map == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
