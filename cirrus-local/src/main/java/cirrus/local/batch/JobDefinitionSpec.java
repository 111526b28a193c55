package cirrus.local.batch;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The content of a container job definition, without revision: what a CloudFormation {@code
 * AWS::Batch::JobDefinition} declares. Two specs are equal when registering the second would change
 * nothing, so an unchanged project does not create a new revision.
 */
public record JobDefinitionSpec(
        String name,
        Map<String, String> parameters,
        ContainerProperties container,
        RetryStrategy retryStrategy,
        Integer timeoutSeconds,
        Map<String, String> tags,
        boolean propagateTags,
        Integer schedulingPriority) {
    /** AWS's minimum job timeout. */
    public static final int MIN_TIMEOUT_SECONDS = 60;

    public JobDefinitionSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(container, "container");
        parameters = copy(parameters);
        tags = copy(tags);
        if (timeoutSeconds != null && timeoutSeconds < MIN_TIMEOUT_SECONDS) {
            throw new IllegalArgumentException(
                    "AttemptDurationSeconds must be at least "
                            + MIN_TIMEOUT_SECONDS
                            + " (the AWS minimum), got "
                            + timeoutSeconds);
        }
    }

    static Map<String, String> copy(Map<String, String> map) {
        return map == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
