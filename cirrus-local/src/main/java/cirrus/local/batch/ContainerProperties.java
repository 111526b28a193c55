package cirrus.local.batch;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The container of a job definition, or the resolved container of a job (with its submit-time
 * overrides applied and {@code Ref::} placeholders substituted). Environment keeps its order.
 */
public record ContainerProperties(
        String image,
        List<String> command,
        Map<String, String> environment,
        ResourceRequirements resources,
        String jobRoleArn,
        String executionRoleArn,
        String user) {
    public ContainerProperties {
        Objects.requireNonNull(image, "image");
        command = command == null ? List.of() : List.copyOf(command);
        environment =
                environment == null
                        ? Map.of()
                        : Collections.unmodifiableMap(new LinkedHashMap<>(environment));
        resources = resources == null ? ResourceRequirements.NONE : resources;
    }

    /** A copy with another command. */
    public ContainerProperties withCommand(List<String> newCommand) {
        return new ContainerProperties(
                image, newCommand, environment, resources, jobRoleArn, executionRoleArn, user);
    }

    /** A copy with another environment. */
    public ContainerProperties withEnvironment(Map<String, String> newEnvironment) {
        return new ContainerProperties(
                image, command, newEnvironment, resources, jobRoleArn, executionRoleArn, user);
    }

    /** A copy with other resource requirements. */
    public ContainerProperties withResources(ResourceRequirements newResources) {
        return new ContainerProperties(
                image, command, environment, newResources, jobRoleArn, executionRoleArn, user);
    }
}
