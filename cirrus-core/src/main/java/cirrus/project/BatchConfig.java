package cirrus.project;

import java.util.List;

/**
 * The Batch part of a task: the CloudFormation objects of its {@code batch.resources} (job
 * definitions with the environment already injected), deployed only when enabled.
 *
 * @param enabled whether the resources are part of the build
 * @param resources the declared objects, in file order
 */
public record BatchConfig(boolean enabled, List<CloudFormationObject> resources) {
    public static final BatchConfig NONE = new BatchConfig(false, List.of());

    public BatchConfig {
        resources = List.copyOf(resources);
    }

    /** True if the task declares any Batch resources (enabled or not). */
    public boolean isDeclared() {
        return !resources.isEmpty();
    }
}
