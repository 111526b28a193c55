package cirrus.aws.batch;

import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * An AWS Batch job to submit.
 *
 * @param name the job name
 * @param queue the job queue name or ARN
 * @param definition the job definition name (latest active revision) or ARN
 * @param parameters values for the {@code Ref::name} placeholders of the definition's command
 * @param vcpus container override of the vCPUs, when set
 * @param memoryMiB container override of the memory, when set
 */
public record JobSubmission(
        String name,
        String queue,
        String definition,
        Map<String, String> parameters,
        OptionalInt vcpus,
        OptionalInt memoryMiB) {
    public JobSubmission {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(definition, "definition");
        parameters = Map.copyOf(parameters);
        Objects.requireNonNull(vcpus, "vcpus");
        Objects.requireNonNull(memoryMiB, "memoryMiB");
    }
}
