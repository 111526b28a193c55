package cirrus.local.model;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import cirrus.diag.Diagnostic;
import cirrus.resolve.Origins;
import cirrus.resolve.ResolvedTree;
import cirrus.resolve.VariableResolver;
import cirrus.yaml.YamlDocument;
import cirrus.yaml.YamlLoader;

/**
 * Builds the {@link LocalModel} from a compiled {@code serverless.yml}: resolves its serverless
 * variables, then evaluates the intrinsic functions of what the local engine runs (function
 * environments, state machine definitions, and the properties of buckets, queues, topics, tables
 * and Batch resources). Every problem is collected; {@link ModelException} reports them all.
 */
public final class LocalModelBuilder {
    /** Resource kinds whose properties the local engine reads, hence evaluates. */
    private static final Set<ResourceKind> EVALUATED =
            Set.of(
                    ResourceKind.BUCKET,
                    ResourceKind.QUEUE,
                    ResourceKind.TOPIC,
                    ResourceKind.TABLE,
                    ResourceKind.JOB_QUEUE,
                    ResourceKind.COMPUTE_ENVIRONMENT,
                    ResourceKind.JOB_DEFINITION,
                    ResourceKind.TIMESTREAM_DATABASE,
                    ResourceKind.TIMESTREAM_TABLE);

    private final Map<String, Object> root;
    private final Origins origins;
    private final Path projectDirectory;
    private final Path buildDirectory;
    private final ModelOptions options;
    private final List<Diagnostic> errors = new ArrayList<>();
    private final ConfigReader config;
    private LocalNames names;
    private LocalScope scope;
    private Intrinsics intrinsics;

    private LocalModelBuilder(
            ResolvedTree tree, Path projectDirectory, Path buildDirectory, ModelOptions options) {
        this.root = tree.rootMap().orElse(Map.of());
        this.origins = tree.origins();
        this.projectDirectory = projectDirectory;
        this.buildDirectory = buildDirectory;
        this.options = options;
        this.config = new ConfigReader(origins, errors);
        errors.addAll(tree.errors());
    }

    /**
     * Loads and builds the model of the compiled {@code serverless.yml} of a project.
     *
     * @throws cirrus.yaml.YamlException when the file cannot be read or parsed
     * @throws ModelException with every problem found
     */
    public static LocalModel load(Path serverlessYml, Path projectDirectory, ModelOptions options) {
        YamlDocument document = YamlLoader.load(serverlessYml);
        ResolvedTree tree = VariableResolver.resolve(document, options.variableSources());
        Path buildDirectory = serverlessYml.toAbsolutePath().getParent();
        return build(tree, projectDirectory, buildDirectory, options);
    }

    /**
     * Builds the model of a compiled tree whose variables are resolved.
     *
     * @throws ModelException with every problem found, including the tree's variable errors
     */
    public static LocalModel build(
            ResolvedTree tree, Path projectDirectory, Path buildDirectory, ModelOptions options) {
        return new LocalModelBuilder(tree, projectDirectory, buildDirectory, options).build();
    }

    private LocalModel build() {
        String service = config.string(root, "service").orElse("service");
        Map<String, Object> provider = config.map(root, "provider");
        names =
                new LocalNames(
                        service,
                        config.string(provider, "stage").orElse("dev"),
                        config.string(provider, "region").orElse("us-east-1"));
        Map<String, Object> template = config.map(root, "resources");
        Map<String, Object> resources = config.map(template, "Resources");
        Map<String, Object> functionConfigs = config.map(root, "functions");
        Map<String, String> functionNames = new LinkedHashMap<>();
        functionConfigs.forEach(
                (key, fn) ->
                        functionNames.put(
                                key,
                                fn instanceof Map<?, ?> m && m.get("name") instanceof String n
                                        ? n
                                        : names.stackName() + "-" + key));
        scope = new LocalScope(names, resources, config.map(template, "Parameters"), functionNames);
        intrinsics =
                new Intrinsics(
                        scope,
                        config.map(template, "Conditions"),
                        config.map(template, "Mappings"),
                        origins,
                        errors);
        scope.use(intrinsics);

        LocalSettings settings =
                LocalSettings.parse(config.map(root, "custom").get("local"), origins, errors);
        Path stateDirectory =
                options.stateDirectory()
                        .orElseGet(
                                () ->
                                        projectDirectory.resolve(
                                                settings.stateDirectory()
                                                        .orElse(
                                                                LocalSettings
                                                                        .DEFAULT_STATE_DIRECTORY)))
                        .toAbsolutePath()
                        .normalize();

        Map<String, LocalFunction> functions = new LinkedHashMap<>();
        functionConfigs.forEach(
                (key, fn) ->
                        function(key, functionNames.get(key), fn, provider, functionConfigs)
                                .ifPresent(f -> functions.put(key, f)));
        Map<String, LocalStateMachine> stateMachines = stateMachines();
        Map<String, LocalResource> localResources = resources(resources, template);

        ResourceModels models = new ResourceModels(names, stateDirectory, config);
        LocalModel model =
                new LocalModel(
                        names,
                        projectDirectory.toAbsolutePath().normalize(),
                        buildDirectory.toAbsolutePath().normalize(),
                        stateDirectory,
                        functions,
                        stateMachines,
                        localResources,
                        models.buckets(localResources.values()),
                        models.queues(localResources.values()),
                        models.topics(localResources.values()),
                        settings);
        if (!errors.isEmpty()) {
            throw new ModelException(List.copyOf(new java.util.LinkedHashSet<>(errors)));
        }
        return model;
    }

    private Optional<LocalFunction> function(
            String key,
            String name,
            Object node,
            Map<String, Object> provider,
            Map<String, Object> parent) {
        if (!(node instanceof Map<?, ?>)) {
            config.error(parent, key, "function '" + key + "' must be a mapping");
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> fn = (Map<String, Object>) node;
        Map<String, String> environment = new LinkedHashMap<>();
        environment(config.map(provider, "environment"), environment);
        environment(config.map(fn, "environment"), environment);
        Optional<String> module = config.string(fn, "module");
        return Optional.of(
                new LocalFunction(
                        key,
                        name,
                        names.functionArn(name),
                        config.string(fn, "handler"),
                        config.string(fn, "runtime")
                                .or(() -> config.string(provider, "runtime"))
                                .orElse("nodejs18.x"),
                        environment,
                        Duration.ofMillis(
                                Math.round(
                                        1000
                                                * config.number(fn, "timeout")
                                                        .or(
                                                                () ->
                                                                        config.number(
                                                                                provider,
                                                                                "timeout"))
                                                        .orElse(6.0))),
                        (int)
                                Math.round(
                                        config.number(fn, "memorySize")
                                                .or(() -> config.number(provider, "memorySize"))
                                                .orElse(1024.0)),
                        config.string(fn, "image"),
                        module.map(m -> buildDirectory.resolve(m).normalize())));
    }

    /** Adds the evaluated variables of {@code env} to {@code into} (later ones win). */
    private void environment(Map<String, Object> env, Map<String, String> into) {
        env.forEach(
                (k, v) ->
                        intrinsics
                                .evaluate(v, env, k)
                                .ifPresent(
                                        value -> {
                                            if (value instanceof Map || value instanceof List) {
                                                config.error(
                                                        env,
                                                        k,
                                                        "environment variable "
                                                                + k
                                                                + " does not evaluate to text");
                                            } else {
                                                into.put(k, text(value));
                                            }
                                        }));
    }

    private Map<String, LocalStateMachine> stateMachines() {
        Map<String, Object> machines =
                config.map(config.map(root, "stepFunctions"), "stateMachines");
        Map<String, LocalStateMachine> result = new LinkedHashMap<>();
        machines.forEach(
                (key, node) -> {
                    Map<String, Object> sm = config.map(machines, key);
                    String name = config.string(sm, "name").orElse(names.stackName() + "-" + key);
                    Object definition = StepFunctionsRefs.convert(sm.get("definition"), origins);
                    Optional<Object> evaluated = intrinsics.evaluate(definition, sm, "definition");
                    if (evaluated.orElse(null) instanceof Map<?, ?> d
                            && d.get("States") instanceof Map
                            && d.get("StartAt") instanceof String) {
                        @SuppressWarnings("unchecked")
                        Map<String, Object> def = (Map<String, Object>) d;
                        result.put(
                                key,
                                new LocalStateMachine(key, name, names.stateMachineArn(name), def));
                    } else {
                        config.error(
                                sm,
                                "definition",
                                "state machine '"
                                        + key
                                        + "' needs a definition with StartAt and States");
                    }
                });
        return result;
    }

    private Map<String, LocalResource> resources(
            Map<String, Object> resources, Map<String, Object> template) {
        Map<String, LocalResource> result = new LinkedHashMap<>();
        resources.forEach(
                (id, node) -> {
                    Map<String, Object> r = config.map(resources, id);
                    Optional<String> type = config.string(r, "Type");
                    if (type.isEmpty()) {
                        config.error(resources, id, "resource '" + id + "' has no Type");
                        return;
                    }
                    if (r.get("Condition") instanceof String c
                            && !intrinsics.condition(c, r, "Condition")) {
                        return;
                    }
                    ResourceKind kind = ResourceKind.of(type.get());
                    Map<String, Object> properties = config.map(r, "Properties");
                    if (EVALUATED.contains(kind)) {
                        properties = evaluatedMap(properties, r);
                    }
                    result.put(
                            id,
                            new LocalResource(
                                    id,
                                    type.get(),
                                    scope.physicalName(id),
                                    scope.ref(id).orElseThrow(),
                                    properties));
                });
        return result;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> evaluatedMap(Map<String, Object> properties, Object parent) {
        return intrinsics.evaluate(properties, parent, "Properties").orElse(null)
                        instanceof Map<?, ?> m
                ? (Map<String, Object>) m
                : properties;
    }

    /** Environment-variable text of a scalar, as CloudFormation would pass it. */
    static String text(Object value) {
        if (value instanceof Double d && d == Math.rint(d) && !d.isInfinite()) {
            return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        }
        return value == null ? "" : String.valueOf(value);
    }
}
