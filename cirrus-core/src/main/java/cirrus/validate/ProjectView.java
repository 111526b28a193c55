package cirrus.validate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import cirrus.compile.Compilation;
import cirrus.compile.Provenance;
import cirrus.diag.DiagnosticException;
import cirrus.plan.bluegreen.Revision;
import cirrus.project.CloudFormationSection;
import cirrus.project.ComponentType;
import cirrus.project.LambdaComponent;
import cirrus.project.Project;
import cirrus.project.Source;
import cirrus.project.Workflow;
import cirrus.validate.source.Node;
import cirrus.validate.source.Sources;

/**
 * What rules look at: the project model, its compiled {@code serverless.yml} tree, and for every
 * element the build deploys the YAML the user wrote (found through the compiler's {@link
 * Provenance}), so findings point at source lines. Analyses shared by several rules (state machine
 * graphs, Batch resources, logical ids) are computed once, on first use, through {@link #analysis}.
 *
 * <p>A blue/green task's Batch resources are deployed under revision ids ({@code XRevA}, see {@code
 * docs/plan.md}); they are located at the resource {@code X} the user wrote.
 */
public final class ProjectView {
    private final Project project;
    private final Compilation compilation;
    private final ValidationOptions options;
    private final Sources sources;
    private final Map<Class<?>, Object> analyses = new HashMap<>();
    private List<DeployedFunction> functions;
    private List<DeployedStateMachine> stateMachines;
    private List<DeployedObject> objects;
    private Boolean complete;

    public ProjectView(
            Project project, Compilation compilation, ValidationOptions options, Sources sources) {
        this.project = project;
        this.compilation = compilation;
        this.options = options;
        this.sources = sources;
    }

    public Project project() {
        return project;
    }

    public Compilation compilation() {
        return compilation;
    }

    /** The compiled configuration (what {@code serverless.yml} holds). */
    public Map<String, Object> serverless() {
        return compilation.serverless();
    }

    public ValidationOptions options() {
        return options;
    }

    public Sources sources() {
        return sources;
    }

    /**
     * Whether every component group and every CloudFormation file could be loaded; when not, the
     * rules that look for missing things are skipped (the load errors are reported instead).
     */
    public synchronized boolean complete() {
        if (complete == null) {
            boolean all = true;
            for (ComponentType type : ComponentType.values()) {
                try {
                    project.components(type);
                } catch (DiagnosticException e) {
                    all = false;
                }
            }
            try {
                project.cloudFormation();
            } catch (DiagnosticException e) {
                all = false;
            }
            complete = all;
        }
        return complete;
    }

    /** {@code cirrus.yml} as written, if the project has one that could be read. */
    public Optional<Node> config() {
        return project.config().file().flatMap(sources::root).filter(Node::isMap);
    }

    /** The Lambda functions the build deploys, in compiled order. */
    public synchronized List<DeployedFunction> functions() {
        if (functions == null) {
            List<DeployedFunction> list = new ArrayList<>();
            for (Map.Entry<String, Map<String, Object>> e : section("functions").entrySet()) {
                Optional<Provenance.Origin> origin =
                        compilation.provenance().at(List.of("functions", e.getKey()));
                if (origin.isPresent()
                        && origin.get().component().orElse(null) instanceof LambdaComponent c) {
                    Node root = rootOrDetached(origin.get().file());
                    list.add(new DeployedFunction(e.getKey(), c, e.getValue(), root));
                }
            }
            functions = List.copyOf(list);
        }
        return functions;
    }

    /** The state machines the build deploys, in compiled order. */
    public synchronized List<DeployedStateMachine> stateMachines() {
        if (stateMachines == null) {
            List<DeployedStateMachine> list = new ArrayList<>();
            Map<String, Map<String, Object>> machines =
                    serverless().get("stepFunctions") instanceof Map<?, ?> sf
                            ? maps(sf.get("stateMachines"))
                            : Map.of();
            for (Map.Entry<String, Map<String, Object>> e : machines.entrySet()) {
                List<String> path = List.of("stepFunctions", "stateMachines", e.getKey());
                Optional<Provenance.Origin> origin = compilation.provenance().at(path);
                if (origin.isPresent()
                        && origin.get().component().orElse(null) instanceof Workflow w) {
                    Node root = rootOrDetached(origin.get().file());
                    list.add(new DeployedStateMachine(e.getKey(), w, e.getValue(), root));
                }
            }
            stateMachines = List.copyOf(list);
        }
        return stateMachines;
    }

    /** Every CloudFormation object the build deploys, section by section. */
    public synchronized List<DeployedObject> cloudFormation() {
        if (objects == null) {
            List<DeployedObject> list = new ArrayList<>();
            Object resources = serverless().get("resources");
            for (CloudFormationSection section : CloudFormationSection.values()) {
                if (!(resources instanceof Map<?, ?> r)
                        || !(r.get(section.key()) instanceof Map<?, ?> entries)) {
                    continue;
                }
                for (Map.Entry<?, ?> e : entries.entrySet()) {
                    String name = String.valueOf(e.getKey());
                    List<String> path = List.of("resources", section.key(), name);
                    Optional<Provenance.Origin> origin =
                            compilation
                                    .provenance()
                                    .at(path)
                                    .or(
                                            () ->
                                                    compilation
                                                            .provenance()
                                                            .at(
                                                                    List.of(
                                                                            "resources",
                                                                            section.key(),
                                                                            Revision.stem(name))));
                    Node node =
                            origin.flatMap(sources::at)
                                    .orElseGet(
                                            () ->
                                                    new Node(
                                                            e.getValue(),
                                                            origin.map(Provenance.Origin::file)
                                                                    .orElse(null),
                                                            null,
                                                            null,
                                                            null));
                    Source source = origin.map(Provenance.Origin::source).orElse(Source.PROJECT);
                    list.add(new DeployedObject(section, name, e.getValue(), node, source));
                }
            }
            objects = List.copyOf(list);
        }
        return objects;
    }

    /** The deployed resources ({@code Resources} section). */
    public List<DeployedObject> resources() {
        return cloudFormation().stream()
                .filter(o -> o.section() == CloudFormationSection.RESOURCES)
                .toList();
    }

    /** The deployed resource named {@code name}. */
    public Optional<DeployedObject> resource(String name) {
        return resources().stream().filter(o -> o.name().equals(name)).findFirst();
    }

    /**
     * An analysis of the project shared by several rules, computed by {@code factory} on first use.
     */
    public synchronized <T> T analysis(Class<T> kind, Function<ProjectView, T> factory) {
        Object cached = analyses.get(kind);
        if (cached == null) {
            cached = factory.apply(this);
            analyses.put(kind, cached);
        }
        return kind.cast(cached);
    }

    private Node rootOrDetached(Path file) {
        return sources.root(file).orElseGet(() -> new Node(Map.of(), file, null, null, null));
    }

    private Map<String, Map<String, Object>> section(String key) {
        return maps(serverless().get(key));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> maps(Object value) {
        Map<String, Map<String, Object>> result = new LinkedHashMap<>();
        if (value instanceof Map<?, ?> m) {
            m.forEach(
                    (k, v) -> {
                        if (v instanceof Map<?, ?> entry) {
                            result.put(String.valueOf(k), (Map<String, Object>) entry);
                        }
                    });
        }
        return result;
    }
}
