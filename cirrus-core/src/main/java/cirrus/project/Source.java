package cirrus.project;

import java.util.Objects;
import java.util.Optional;

/**
 * Where a component or CloudFormation object comes from: the built-in resources shipped in the jar,
 * a resource plugin (by its name), or the project itself.
 *
 * @param name {@code built-in}, the plugin name, or {@code project}
 * @param kind which of the three
 */
public record Source(String name, Kind kind) {
    /** The kinds of source, in the order their components are discovered. */
    public enum Kind {
        BUILT_IN,
        PLUGIN,
        PROJECT
    }

    /** The name of the built-in source, reserved for it. */
    public static final String BUILT_IN_NAME = "built-in";

    public static final Source BUILT_IN = new Source(BUILT_IN_NAME, Kind.BUILT_IN);
    public static final Source PROJECT = new Source("project", Kind.PROJECT);

    public Source {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
    }

    public static Source plugin(String name) {
        return new Source(name, Kind.PLUGIN);
    }

    public boolean isBuiltIn() {
        return kind == Kind.BUILT_IN;
    }

    public boolean isProject() {
        return kind == Kind.PROJECT;
    }

    /**
     * The label shown next to a component ({@code built-in}, plugin name); none for the project.
     */
    public Optional<String> label() {
        return isProject() ? Optional.empty() : Optional.of(name);
    }
}
