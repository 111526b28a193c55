package cirrus.project;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import cirrus.diag.Diagnostic;
import cirrus.diag.DiagnosticException;
import cirrus.diag.Location;
import cirrus.yaml.YamlDocument;
import cirrus.yaml.YamlLoader;

/**
 * A project's {@code cirrus.yml}, normalised as cirrus v0.15.4 does on load: it is the base of
 * serverless.yml, so unknown keys pass through; {@code functions}, {@code stepFunctions}, {@code
 * resources} and {@code package} are replaced by what the build fills in; {@code
 * custom.pythonRequirements.include} gets the runtime requirements appended; the three required
 * serverless plugins are added to {@code plugins} (in the user's order, not in random order as in
 * v0.15.4).
 *
 * @param file the {@code cirrus.yml} read, if any (none outside a project)
 * @param tree the normalised configuration, read-only, in key order
 */
public record CirrusConfig(Optional<Path> file, Map<String, Object> tree) {
    /** Error code: {@code cirrus.yml} is not a mapping. */
    public static final String NOT_A_MAPPING = "CIRRUS-P010";

    /** Warning code: a key of {@code cirrus.yml} that the build replaces was set. */
    public static final String REPLACED_KEY = "CIRRUS-P011";

    /** The requirements every Python Lambda gets (the runtime dependencies of cirrus.lib2). */
    public static final List<String> RUNTIME_REQUIREMENTS =
            List.of(
                    "boto3-utils~=0.4.1",
                    "boto3>=1.26.0",
                    "jsonpath-ng>=1.5.3",
                    "python-dateutil~=2.9.0",
                    "python-json-logger~=2.0");

    /** The serverless plugins a build needs. */
    public static final List<String> REQUIRED_PLUGINS =
            List.of(
                    "serverless-python-requirements",
                    "serverless-step-functions",
                    "serverless-iam-roles-per-function");

    public CirrusConfig {
        tree = Trees.freeze(tree);
    }

    /** Loads and normalises {@code file}; warnings go to {@code warnings}. */
    public static CirrusConfig load(Path file, Consumer<Diagnostic> warnings) {
        YamlDocument doc = YamlLoader.load(file);
        doc.warnings().forEach(warnings);
        Object root = doc.root();
        if (root == null) {
            root = new LinkedHashMap<String, Object>();
        }
        if (!(root instanceof Map<?, ?> rootMap)) {
            throw new DiagnosticException(
                    Diagnostic.error(
                            NOT_A_MAPPING,
                            doc.locations().of(root).orElse(Location.of(file)),
                            Project.CONFIG_FILE + " must be a mapping of settings"));
        }
        // an empty file is an empty configuration (doc.rootMap() is empty for it)
        Map<String, Object> tree = Trees.copy(stringKeys(rootMap));
        for (String key : List.of("functions", "stepFunctions", "resources", "package")) {
            if (Trees.truthy(tree.get(key))) {
                warnings.accept(
                        Diagnostic.warning(
                                REPLACED_KEY,
                                doc.locations().key(rootMap, key).orElse(Location.of(file)),
                                "'"
                                        + key
                                        + "' in "
                                        + Project.CONFIG_FILE
                                        + " is replaced by the build and has no effect"));
            }
        }
        return new CirrusConfig(Optional.of(file), normalise(tree));
    }

    /** The configuration used outside a project: an empty {@code cirrus.yml}, normalised. */
    public static CirrusConfig none() {
        return new CirrusConfig(Optional.empty(), normalise(new LinkedHashMap<>()));
    }

    static Map<String, Object> normalise(Map<String, Object> tree) {
        tree.put("functions", new LinkedHashMap<>());
        Map<String, Object> stepFunctions = new LinkedHashMap<>();
        stepFunctions.put("validate", true);
        stepFunctions.put("stateMachines", new LinkedHashMap<>());
        tree.put("stepFunctions", stepFunctions);
        Map<String, Object> resources = new LinkedHashMap<>();
        resources.put("Description", "Cirrus STAC Processing Framework");
        resources.put("Resources", new LinkedHashMap<>());
        resources.put("Outputs", new LinkedHashMap<>());
        tree.put("resources", resources);
        Map<String, Object> pkg = new LinkedHashMap<>();
        pkg.put("individually", true);
        pkg.put("exclude", new ArrayList<>(List.of("**/*")));
        tree.put("package", pkg);
        Map<String, Object> custom = mapAt(tree, "custom");
        Map<String, Object> requirements = mapAt(custom, LambdaConfig.PYTHON_REQUIREMENTS);
        List<Object> include = listAt(requirements, "include");
        include.addAll(RUNTIME_REQUIREMENTS);
        if (tree.get("plugins") instanceof Map<?, ?>) {
            // serverless' long form: {localPath: ..., modules: [...]}
            addPlugins(listAt(mapAt(tree, "plugins"), "modules"));
        } else {
            addPlugins(listAt(tree, "plugins"));
        }
        return tree;
    }

    private static void addPlugins(List<Object> plugins) {
        LinkedHashSet<Object> all = new LinkedHashSet<>(plugins);
        all.addAll(REQUIRED_PLUGINS);
        plugins.clear();
        plugins.addAll(all);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> mapAt(Map<String, Object> parent, String key) {
        if (parent.get(key) instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        Map<String, Object> created = new LinkedHashMap<>();
        parent.put(key, created);
        return created;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> listAt(Map<String, Object> parent, String key) {
        if (parent.get(key) instanceof List<?> l) {
            return (List<Object>) l;
        }
        List<Object> created = new ArrayList<>();
        parent.put(key, created);
        return created;
    }

    /** {@code provider.environment}: the environment every Lambda and job definition gets. */
    public Map<String, Object> providerEnvironment() {
        if (tree.get("provider") instanceof Map<?, ?> provider
                && provider.get("environment") instanceof Map<?, ?> env) {
            return stringKeys(env);
        }
        return Map.of();
    }

    /** {@code custom.pythonRequirements.include}: global requirements incl. the runtime ones. */
    public List<String> pythonRequirements() {
        if (tree.get("custom") instanceof Map<?, ?> custom
                && custom.get(LambdaConfig.PYTHON_REQUIREMENTS) instanceof Map<?, ?> reqs
                && reqs.get("include") instanceof List<?> include) {
            List<String> lines = new ArrayList<>();
            include.forEach(item -> lines.add(String.valueOf(item)));
            return List.copyOf(lines);
        }
        return RUNTIME_REQUIREMENTS;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> stringKeys(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }
}
