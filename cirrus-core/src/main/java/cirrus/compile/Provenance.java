package cirrus.compile;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import cirrus.project.CloudFormationObject;
import cirrus.project.Component;
import cirrus.project.ComponentFile;
import cirrus.project.LambdaComponent;
import cirrus.project.Source;
import cirrus.project.Workflow;

/**
 * Where each part of a compiled {@code serverless.yml} tree was written: the compiled tree is
 * assembled from copies of many files, so a finding about a compiled node is reported at the source
 * file, line and column of the YAML it came from. The compiler records one {@link Origin} per
 * element it places ({@code functions.<name>}, {@code stepFunctions.stateMachines.<name>}, {@code
 * resources.<Section>.<name>} and the root, which is {@code cirrus.yml}); everything below an
 * element lies at the same relative path in its source (except what the build adds, such as the
 * merged Lambda environment or the environment injected into job definitions).
 */
public final class Provenance {
    /** No origins: for compilations of trees that were not read from files. */
    public static final Provenance NONE = new Provenance(Map.of());

    /**
     * Where one compiled element was declared.
     *
     * @param file the YAML file
     * @param path the keys leading from the file's root to the element ({@code [lambda]} for a
     *     function, {@code [batch, resources, Resources, X]} for a task's Batch resource)
     * @param source built-in, plugin or project
     * @param component the component that declared it, if any
     */
    public record Origin(
            Path file, List<String> path, Source source, Optional<Component> component) {
        public Origin {
            Objects.requireNonNull(file, "file");
            path = List.copyOf(path);
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(component, "component");
        }
    }

    private final Map<List<String>, Origin> origins;

    private Provenance(Map<List<String>, Origin> origins) {
        this.origins = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(origins));
    }

    /**
     * The origins of a compilation.
     *
     * @param config the {@code cirrus.yml} read, if any
     * @param functions the registered Lambda components by function name
     * @param stateMachines the registered workflows by state machine name
     * @param objects the CloudFormation objects placed under {@code resources}
     */
    static Provenance record(
            Optional<Path> config,
            Map<String, LambdaComponent> functions,
            Map<String, Workflow> stateMachines,
            List<CloudFormationObject> objects) {
        Map<List<String>, Origin> origins = new LinkedHashMap<>();
        config.ifPresent(
                file ->
                        origins.put(
                                List.of(),
                                new Origin(file, List.of(), Source.PROJECT, Optional.empty())));
        functions.forEach(
                (name, c) ->
                        origins.put(
                                List.of("functions", name),
                                new Origin(
                                        definition(c),
                                        List.of("lambda"),
                                        c.source(),
                                        Optional.of(c))));
        stateMachines.forEach(
                (name, w) ->
                        origins.put(
                                List.of("stepFunctions", "stateMachines", name),
                                new Origin(definition(w), List.of(), w.source(), Optional.of(w))));
        for (CloudFormationObject o : objects) {
            if (o.file() == null) {
                continue;
            }
            List<String> path = new ArrayList<>();
            if (o.task().isPresent()) {
                path.addAll(List.of("batch", "resources"));
            }
            path.add(o.section().key());
            path.add(o.name());
            origins.put(
                    List.of("resources", o.section().key(), o.name()),
                    new Origin(o.file(), path, o.source(), Optional.empty()));
        }
        return new Provenance(origins);
    }

    private static Path definition(Component c) {
        return c.info().directory().resolve(ComponentFile.DEFINITION);
    }

    /** The origin recorded for exactly this compiled path. */
    public Optional<Origin> at(List<String> compiledPath) {
        return Optional.ofNullable(origins.get(compiledPath));
    }

    /**
     * The origin of the element that contains {@code compiledPath} (the longest recorded prefix),
     * with the rest of the path appended to its source path.
     */
    public Optional<Origin> of(List<String> compiledPath) {
        for (int n = compiledPath.size(); n >= 0; n--) {
            Origin o = origins.get(compiledPath.subList(0, n));
            if (o != null) {
                List<String> path = new ArrayList<>(o.path());
                path.addAll(compiledPath.subList(n, compiledPath.size()));
                return Optional.of(new Origin(o.file(), path, o.source(), o.component()));
            }
        }
        return Optional.empty();
    }

    /** Every recorded element, by compiled path, in recording order. */
    public Map<List<String>, Origin> all() {
        return origins;
    }
}
