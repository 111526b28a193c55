package cirrus.local.batch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Turns a SubmitJob request into a SUBMITTED {@link Job}, validating it as the Batch API does: job
 * name, queue (exists, ENABLED), job definition revision (exists, ACTIVE), request size (30 KiB),
 * timeout (≥ 60 s), VCPU and MEMORY requirements. Parameters are the definition's defaults
 * overridden by the request's; the command's {@code Ref::name} elements are substituted.
 */
final class JobSubmission {
    /** SubmitJob's payload limit. */
    static final int MAX_SUBMIT_BYTES = 30 * 1024;

    private static final Pattern JOB_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,127}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private JobSubmission() {}

    /**
     * The job a request creates.
     *
     * @throws BatchClientException when the API would reject the request
     */
    static Job create(
            SubmitJobRequest request,
            BatchResources resources,
            JobDefinitionRegistry registry,
            BatchArns arns,
            long sequence,
            long now) {
        if (request.jobName() == null || !JOB_NAME.matcher(request.jobName()).matches()) {
            throw new BatchClientException(
                    "Job name must be 1 to 128 characters, start with a letter or number and"
                            + " contain only letters, numbers, hyphens (-) and underscores (_),"
                            + " got '"
                            + request.jobName()
                            + "'");
        }
        if (request.jobQueue() == null) {
            throw new BatchClientException("jobQueue is required");
        }
        JobQueue queue =
                resources
                        .jobQueue(request.jobQueue())
                        .orElseThrow(
                                () ->
                                        new BatchClientException(
                                                "JobQueue " + request.jobQueue() + " not found."));
        if (queue.state() == ResourceState.DISABLED) {
            throw new BatchClientException(
                    "JobQueue "
                            + queue.name()
                            + " is DISABLED: new jobs can't be added to the queue.");
        }
        JobDefinition definition = registry.resolve(request.jobDefinition());
        JobDefinitionSpec spec = definition.spec();
        checkSize(request);
        Map<String, String> parameters = new LinkedHashMap<>(spec.parameters());
        parameters.putAll(request.parameters());
        ContainerProperties container = request.containerOverrides().applyTo(spec.container());
        container = container.withCommand(substitute(container.command(), parameters));
        requireResource(container.resources().vcpus(), "VCPU", definition);
        requireResource(container.resources().memoryMiB(), "MEMORY", definition);
        Integer timeout =
                request.timeoutSeconds() != null ? request.timeoutSeconds() : spec.timeoutSeconds();
        if (timeout != null && timeout < JobDefinitionSpec.MIN_TIMEOUT_SECONDS) {
            throw new BatchClientException(
                    "attemptDurationSeconds must be at least "
                            + JobDefinitionSpec.MIN_TIMEOUT_SECONDS
                            + ", got "
                            + timeout);
        }
        RetryStrategy retry =
                request.retryStrategy() != null ? request.retryStrategy() : spec.retryStrategy();
        Map<String, String> tags = new LinkedHashMap<>(spec.tags());
        tags.putAll(request.tags());
        String jobId = UUID.randomUUID().toString();
        return new Job(
                jobId,
                sequence,
                request.jobName(),
                arns.job(jobId),
                queue.name(),
                arns.jobQueue(queue.name()),
                definition.arn(),
                definition.name(),
                JobStatus.SUBMITTED,
                null,
                now,
                null,
                null,
                parameters,
                container,
                retry,
                timeout,
                tags,
                List.of(),
                null,
                false,
                false,
                List.of(new StatusChange(JobStatus.SUBMITTED, now)));
    }

    /** Replaces each command element {@code Ref::name} whose parameter is set by its value. */
    static List<String> substitute(List<String> command, Map<String, String> parameters) {
        List<String> result = new ArrayList<>(command.size());
        for (String element : command) {
            String value =
                    element.startsWith("Ref::")
                            ? parameters.get(element.substring("Ref::".length()))
                            : null;
            result.add(value != null ? value : element);
        }
        return result;
    }

    private static void requireResource(Object value, String type, JobDefinition definition) {
        if (value == null) {
            throw new BatchClientException(
                    "Job definition "
                            + definition.arn()
                            + " and the container overrides set no "
                            + type
                            + " resource requirement");
        }
    }

    private static void checkSize(SubmitJobRequest request) {
        int size;
        try {
            size = JSON.writeValueAsBytes(request).length;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        if (size > MAX_SUBMIT_BYTES) {
            throw new BatchClientException(
                    "SubmitJob request is "
                            + size
                            + " bytes; AWS Batch accepts at most 30 KiB ("
                            + MAX_SUBMIT_BYTES
                            + " bytes). Pass large data by reference, e.g. upload the payload"
                            + " with pre-batch and pass its url.");
        }
    }
}
