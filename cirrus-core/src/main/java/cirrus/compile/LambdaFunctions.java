package cirrus.compile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import cirrus.diag.Location;
import cirrus.project.ComponentFile;
import cirrus.project.LambdaComponent;
import cirrus.project.LambdaConfig;
import cirrus.yaml.YamlDocument;
import cirrus.yaml.YamlLoader;

/**
 * Registers the enabled Lambdas of functions, feeders and tasks (in that order) as {@code
 * functions.<name>} and collects the Python code directories to package.
 *
 * <p>Names are unique across the three groups: the first component registered under a name wins and
 * later ones are skipped with a warning, except that a built-in component replaces whatever was
 * registered before it (cirrus v0.15.4's rule). A directory is packaged for exactly the Python
 * functions that end up in {@code functions}; its requirements must not name a package twice.
 */
final class LambdaFunctions {
    private final CompileDiagnostics diagnostics;
    private final Map<String, LambdaComponent> registered = new LinkedHashMap<>();

    LambdaFunctions(CompileDiagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    void register(List<LambdaComponent> components) {
        for (LambdaComponent component : components) {
            if (!component.lambda().enabled()) {
                continue;
            }
            String name = component.name();
            if (registered.containsKey(name) && !component.source().isBuiltIn()) {
                diagnostics.warning(
                        BuildCode.DUPLICATE_DECLARATION,
                        null,
                        "Duplicate lambda declaration: '"
                                + component.displayName()
                                + "', skipping");
                continue;
            }
            registered.put(name, component);
        }
    }

    /** The registered components by function name, in registration order. */
    Map<String, LambdaComponent> registered() {
        return java.util.Collections.unmodifiableMap(registered);
    }

    /** The {@code functions} section: each config without {@code pythonRequirements}. */
    Map<String, Object> functions() {
        Map<String, Object> functions = new LinkedHashMap<>();
        registered.forEach(
                (name, component) -> {
                    Map<String, Object> config = new LinkedHashMap<>(component.lambda().config());
                    config.remove(LambdaConfig.PYTHON_REQUIREMENTS);
                    functions.put(name, config);
                });
        return functions;
    }

    /** The prebuilt artifacts the registered functions deploy. */
    Set<String> artifacts() {
        Set<String> artifacts = new LinkedHashSet<>();
        registered.values().forEach(c -> c.lambda().artifact().ifPresent(artifacts::add));
        return artifacts;
    }

    /** The Python code directories, after checking every function's requirements. */
    List<LambdaPackage> packages() {
        List<LambdaPackage> packages = new ArrayList<>();
        for (LambdaComponent component : registered.values()) {
            LambdaConfig lambda = component.lambda();
            if (!lambda.hasModule() || lambda.artifact().isPresent()) {
                continue;
            }
            List<String> requirements = lambda.requirements();
            if (checkRequirements(component, requirements)) {
                packages.add(
                        new LambdaPackage(
                                component.name(), component.info().directory(), requirements));
            }
        }
        return packages;
    }

    private boolean checkRequirements(LambdaComponent component, List<String> requirements) {
        boolean ok = true;
        for (String requirement : requirements) {
            if (Requirements.projectName(requirement).isEmpty()) {
                diagnostics.error(
                        BuildCode.INVALID_REQUIREMENT,
                        requirementsLocation(component),
                        "Invalid requirement '"
                                + requirement
                                + "' for "
                                + component.type().typeName()
                                + " '"
                                + component.name()
                                + "': expected a PEP 508 requirement such as 'package>=1.0'");
                ok = false;
            }
        }
        Optional<String> duplicate = Requirements.firstDuplicate(requirements);
        if (ok && duplicate.isPresent()) {
            // first line: the one-line error; then upstream's explanation and the full list
            diagnostics.error(
                    BuildCode.DUPLICATE_REQUIREMENT,
                    requirementsLocation(component),
                    "Duplicated requirement for "
                            + component.type().typeName()
                            + " '"
                            + component.name()
                            + "', package '"
                            + duplicate.get()
                            + "'.\n\n"
                            + Requirements.duplicateExplanation(requirements));
            ok = false;
        }
        return ok;
    }

    /**
     * Where the component's {@code lambda.pythonRequirements} is written (the definition is read
     * again only on this error path).
     */
    private static Location requirementsLocation(LambdaComponent component) {
        var file = component.info().directory().resolve(ComponentFile.DEFINITION);
        try {
            YamlDocument doc = YamlLoader.load(file);
            if (doc.rootMap().orElse(Map.of()).get("lambda") instanceof Map<?, ?> lambda) {
                return CompileDiagnostics.locate(
                        doc.locations(), file, lambda, LambdaConfig.PYTHON_REQUIREMENTS);
            }
        } catch (RuntimeException e) {
            // the definition was readable when the project was loaded; fall back to the file
        }
        return Location.of(file);
    }
}
