package cirrus.local.batch;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code containerOverrides} of a SubmitJob request: a command replacing the definition's,
 * environment variables added to or replacing the definition's (by name), and resource requirements
 * replacing the definition's (by type). Every part is optional.
 */
public record ContainerOverrides(
        List<String> command, Map<String, String> environment, ResourceRequirements resources) {
    /** No overrides. */
    public static final ContainerOverrides NONE = new ContainerOverrides(null, null, null);

    public ContainerOverrides {
        command = command == null ? null : List.copyOf(command);
        environment = environment == null ? null : JobDefinitionSpec.copy(environment);
    }

    /** The definition's container with these overrides applied (placeholders not substituted). */
    public ContainerProperties applyTo(ContainerProperties definition) {
        ContainerProperties result = definition;
        if (command != null) {
            result = result.withCommand(command);
        }
        if (environment != null && !environment.isEmpty()) {
            Map<String, String> merged = new LinkedHashMap<>(definition.environment());
            merged.putAll(environment);
            result = result.withEnvironment(merged);
        }
        return result.withResources(definition.resources().overriddenBy(resources));
    }
}
