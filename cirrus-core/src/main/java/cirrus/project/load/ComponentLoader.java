package cirrus.project.load;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import cirrus.diag.Diagnostic;
import cirrus.diag.Location;
import cirrus.project.BatchConfig;
import cirrus.project.CirrusConfig;
import cirrus.project.CloudFormationObject;
import cirrus.project.Component;
import cirrus.project.ComponentFile;
import cirrus.project.ComponentInfo;
import cirrus.project.ComponentType;
import cirrus.project.Feeder;
import cirrus.project.Function;
import cirrus.project.LambdaConfig;
import cirrus.project.PathDisplay;
import cirrus.project.ProjectException;
import cirrus.project.Source;
import cirrus.project.Task;
import cirrus.project.Trees;
import cirrus.project.Workflow;
import cirrus.yaml.YamlDocument;

/**
 * Loads one component directory into a {@link Component}: reads {@code definition.yml}, applies the
 * {@code enabled} flags, computes the Lambda part and, for tasks, the Batch part.
 *
 * <p>A missing {@code definition.yml} or a missing handler file skips the component with a warning
 * (as in cirrus v0.15.4); malformed YAML, a non-mapping definition and an enabled Lambda without
 * handler are errors. Built-in Lambdas have no handler files: their code is part of the cirrus
 * runtime, so the handler-file check does not apply to them.
 */
public final class ComponentLoader {
    /**
     * Warning code: an enabled Lambda's handler file does not exist; the component is left out (as
     * in cirrus v0.15.4), and {@code cirrus build} refuses to build.
     */
    public static final String MISSING_HANDLER_FILE = "CIRRUS-P043";

    /** Error code: {@code definition.yml} is not a mapping. */
    public static final String NOT_A_MAPPING = "CIRRUS-P022";

    private final CirrusConfig config;
    private final PathDisplay display;
    private final Consumer<Diagnostic> warnings;

    private final DefinitionPrefetch definitions;

    public ComponentLoader(
            CirrusConfig config, PathDisplay display, Consumer<Diagnostic> warnings) {
        this(config, display, warnings, new DefinitionPrefetch());
    }

    ComponentLoader(
            CirrusConfig config,
            PathDisplay display,
            Consumer<Diagnostic> warnings,
            DefinitionPrefetch definitions) {
        this.config = config;
        this.display = display;
        this.warnings = warnings;
        this.definitions = definitions;
    }

    /**
     * Loads the component in {@code directory}; it may be skipped with a warning, in which case the
     * result is empty.
     */
    public Optional<Component> loadOrSkip(
            ComponentType type, String name, Path directory, Source source) {
        try {
            return Optional.of(load(type, name, directory, source));
        } catch (ComponentSkipped e) {
            warnings.accept(
                    Diagnostic.warning(
                            e.code(),
                            e.location(),
                            "Skipping " + type.typeName() + " '" + name + "': " + e.getMessage()));
            return Optional.empty();
        }
    }

    /**
     * Loads the component in {@code directory}, failing with a {@link ProjectException} (not a
     * warning) if it cannot be loaded; used to check a component just created.
     */
    public Component loadStrictly(ComponentType type, String name, Path directory, Source source) {
        try {
            return load(type, name, directory, source);
        } catch (ComponentSkipped e) {
            throw new ProjectException(e.code(), e.location(), e.getMessage(), null);
        }
    }

    Component load(ComponentType type, String name, Path directory, Source source)
            throws ComponentSkipped {
        if (!Files.isDirectory(directory)) {
            throw new ComponentSkipped(
                    "Cannot load "
                            + type.typeName()
                            + " from '"
                            + display.show(directory)
                            + "': not a directory.");
        }
        Path definitionFile = directory.resolve(ComponentFile.DEFINITION);
        if (!Files.isRegularFile(definitionFile)) {
            throw new ComponentSkipped(
                    "Cannot load definition from '"
                            + display.show(definitionFile)
                            + "': not a file");
        }
        YamlDocument doc = definitions.read(definitionFile);
        doc.warnings().forEach(warnings);
        Map<String, Object> definition = definitionTree(doc);
        boolean enabled =
                !definition.containsKey("enabled") || Trees.truthy(definition.remove("enabled"));
        if (type == ComponentType.WORKFLOW) {
            String description = "";
            if (definition.get("definition") instanceof Map<?, ?> sm && sm.get("Comment") != null) {
                description = String.valueOf(sm.get("Comment"));
            }
            ComponentInfo info =
                    new ComponentInfo(type, name, source, directory, description, definition);
            return new Workflow(info, enabled, definition);
        }
        Object rawDescription = definition.get("description");
        ComponentInfo info =
                new ComponentInfo(
                        type,
                        name,
                        source,
                        directory,
                        rawDescription == null ? "" : String.valueOf(rawDescription),
                        definition);
        Map<String, Object> environment = LambdaConfigs.environment(type, name, definition, config);
        LambdaConfig lambda =
                LambdaConfigs.compute(type, name, definition, enabled, environment, config);
        if (lambda.enabled() && !source.isBuiltIn() && lambda.handlerFile().isPresent()) {
            Path handler = directory.resolve(lambda.handlerFile().get());
            if (!Files.isRegularFile(handler)) {
                throw new ComponentSkipped(
                        MISSING_HANDLER_FILE,
                        handlerLocation(doc),
                        "Cannot load PythonHandler from '"
                                + display.show(handler)
                                + "': not a file");
            }
        }
        return switch (type) {
            case FUNCTION -> new Function(info, enabled, lambda);
            case FEEDER -> new Feeder(info, enabled, lambda);
            case TASK ->
                    new Task(
                            info,
                            enabled,
                            lambda,
                            batch(doc, definition, info, enabled, environment));
            case WORKFLOW -> throw new IllegalStateException("handled above");
        };
    }

    /** Where {@code lambda.handler} is written in a definition. */
    private static Location handlerLocation(YamlDocument doc) {
        Optional<Map<String, Object>> root = doc.rootMap();
        if (root.isPresent() && root.get().get("lambda") instanceof Map<?, ?> lambda) {
            return doc.locations().value(lambda, "handler").orElse(Location.of(doc.source()));
        }
        return Location.of(doc.source());
    }

    private Map<String, Object> definitionTree(YamlDocument doc) {
        if (doc.root() == null) {
            return new LinkedHashMap<>();
        }
        Optional<Map<String, Object>> root = doc.rootMap();
        if (root.isEmpty()) {
            throw new ProjectException(
                    NOT_A_MAPPING,
                    doc.locations().of(doc.root()).orElse(Location.of(doc.source())),
                    ComponentFile.DEFINITION + " must be a mapping",
                    null);
        }
        return Trees.copy(root.get());
    }

    private BatchConfig batch(
            YamlDocument doc,
            Map<String, Object> definition,
            ComponentInfo info,
            boolean enabled,
            Map<String, Object> environment) {
        if (!(definition.get("batch") instanceof Map<?, ?> batch) || batch.isEmpty()) {
            return BatchConfig.NONE;
        }
        boolean batchEnabled =
                (!batch.containsKey("enabled") || Trees.truthy(batch.get("enabled"))) && enabled;
        List<CloudFormationObject> resources = List.of();
        Map<?, ?> original = doc.rootMap().map(r -> (Map<?, ?>) r.get("batch")).orElse(Map.of());
        if (original.get("resources") instanceof Map<?, ?> fragment) {
            String origin =
                    "task "
                            + info.name()
                            + info.source().label().map(l -> " [" + l + "]").orElse("");
            resources =
                    CloudFormationReader.read(
                            fragment,
                            doc.locations(),
                            doc.source(),
                            info.source(),
                            Optional.of(info.name()),
                            origin,
                            environment,
                            warnings);
        }
        return new BatchConfig(batchEnabled, resources);
    }
}
