package cirrus.project;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One named entry of a CloudFormation section ({@code Resources.Data}, {@code Outputs.X}), from a
 * {@code cloudformation/*.yml} file (built-in, plugin or project) or from the {@code
 * batch.resources} of a task.
 *
 * @param section the section it belongs to
 * @param name its logical name
 * @param definition its body, read-only (a map for resources; any YAML for other sections)
 * @param source where it comes from (for task resources: the task's source)
 * @param file the file it was read from
 * @param task the task whose {@code batch.resources} declared it, if any
 * @param origin how {@code show cloudformation} names its source: {@code built-in}, a plugin name,
 *     {@code ./cloudformation/vpc.yml}, {@code task x} or {@code task x [plugin]}
 */
public record CloudFormationObject(
        CloudFormationSection section,
        String name,
        Object definition,
        Source source,
        Path file,
        Optional<String> task,
        String origin) {
    public CloudFormationObject {
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(origin, "origin");
        definition = Trees.freeze(definition);
    }

    /** The {@code Type} of the object (a resource type, or a parameter's type), if it has one. */
    public Optional<String> type() {
        return definition instanceof Map<?, ?> m && m.get("Type") instanceof String t
                ? Optional.of(t)
                : Optional.empty();
    }

    /** True for objects that come with cirrus itself. */
    public boolean isBuiltIn() {
        return source.isBuiltIn();
    }
}
