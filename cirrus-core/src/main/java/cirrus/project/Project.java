package cirrus.project;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A cirrus project: a directory with a {@code cirrus.yml}, its components and CloudFormation
 * objects, together with those of the built-in resources and plugins. Without a directory it holds
 * only built-in and plugin elements (what {@code cirrus show} lists outside a project).
 *
 * <p>Groups are loaded on first use, like cirrus v0.15.4 does: a broken task stops the commands
 * that look at tasks, not {@code show feeders}.
 */
public final class Project {
    /** The file that marks a project root. */
    public static final String CONFIG_FILE = "cirrus.yml";

    /** The directory of raw CloudFormation fragments. */
    public static final String CLOUDFORMATION_DIR = "cloudformation";

    /** The build output directory, relative to the project root. */
    public static final String BUILD_DIR = ".cirrus/build";

    /** Loads the elements of a project; see {@code cirrus.project.load.ProjectLoader}. */
    public interface Elements {
        /** The components of one group, in listing order. */
        List<Component> components(ComponentType type);

        /** All CloudFormation objects, given the project's tasks. */
        List<CloudFormationObject> cloudFormation(List<Component> tasks);
    }

    private final Optional<Path> root;
    private final CirrusConfig config;
    private final Elements elements;
    private final Map<ComponentType, List<Component>> groups = new EnumMap<>(ComponentType.class);
    private List<CloudFormationObject> cloudFormation;

    public Project(Optional<Path> root, CirrusConfig config, Elements elements) {
        this.root = Objects.requireNonNull(root, "root");
        this.config = Objects.requireNonNull(config, "config");
        this.elements = Objects.requireNonNull(elements, "elements");
    }

    /** The project directory; empty outside a project. */
    public Optional<Path> root() {
        return root;
    }

    /** The normalised {@code cirrus.yml}. */
    public CirrusConfig config() {
        return config;
    }

    /** The components of {@code type} in listing order (built-in, plugins, project). */
    public synchronized List<Component> components(ComponentType type) {
        return groups.computeIfAbsent(type, elements::components);
    }

    /** The component of {@code type} named exactly {@code name}. */
    public Optional<Component> component(ComponentType type, String name) {
        return components(type).stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** Functions, feeders and tasks, each in listing order, in this group order. */
    public List<LambdaComponent> lambdaComponents() {
        return Stream.of(ComponentType.FUNCTION, ComponentType.FEEDER, ComponentType.TASK)
                .flatMap(t -> components(t).stream())
                .map(LambdaComponent.class::cast)
                .toList();
    }

    /** The workflows in listing order. */
    public List<Workflow> workflows() {
        return components(ComponentType.WORKFLOW).stream().map(Workflow.class::cast).toList();
    }

    /**
     * Every CloudFormation object in section order ({@link CloudFormationSection}), each section in
     * collection order: built-in, plugins, project files, then batch-enabled tasks.
     */
    public synchronized List<CloudFormationObject> cloudFormation() {
        if (cloudFormation == null) {
            cloudFormation = elements.cloudFormation(components(ComponentType.TASK));
        }
        return cloudFormation;
    }
}
