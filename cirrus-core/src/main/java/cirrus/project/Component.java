package cirrus.project;

import java.util.ArrayList;
import java.util.List;

/**
 * A component of a project: a directory under {@code functions/}, {@code feeders/}, {@code tasks/}
 * or {@code workflows/} (of the project, a plugin or the built-in resources) with a {@code
 * definition.yml}. One record per type.
 */
public sealed interface Component permits LambdaComponent, Workflow {
    ComponentInfo info();

    default String name() {
        return info().name();
    }

    default ComponentType type() {
        return info().type();
    }

    default Source source() {
        return info().source();
    }

    default String description() {
        return info().description();
    }

    /** Whether the component is deployed at all (it is shown as {@code DISABLED} if not). */
    boolean isActive();

    /**
     * The words shown in brackets after the name by {@code show}: {@code DISABLED} if inactive, the
     * source label, then for tasks {@code lambda}/{@code batch} for the enabled parts.
     */
    default List<String> attributes() {
        List<String> attributes = new ArrayList<>();
        if (!isActive()) {
            attributes.add("DISABLED");
        }
        source().label().ifPresent(attributes::add);
        return attributes;
    }

    /** {@code name (attr1, attr2)}, or just the name without attributes. */
    default String displayName() {
        List<String> attributes = attributes();
        return attributes.isEmpty() ? name() : name() + " (" + String.join(", ", attributes) + ")";
    }
}
