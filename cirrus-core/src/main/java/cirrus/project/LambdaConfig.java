package cirrus.project;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The Lambda part of a component, computed as cirrus v0.15.4 does before a build: the {@code
 * lambda} block of {@code definition.yml} (without {@code enabled}) with {@code description}, the
 * merged {@code environment} (provider &lt; component &lt; lambda), {@code package}, the merged and
 * sorted {@code pythonRequirements.include}, and {@code module} when a handler is set.
 *
 * @param enabled whether the Lambda is deployed
 * @param config the configuration in key order, read-only; this is a {@code functions.<name>} entry
 *     of serverless.yml except that it still holds {@code pythonRequirements}
 * @param handlerFile the Python file the handler names ({@code lambda_function.py}), if any
 */
public record LambdaConfig(
        boolean enabled, Map<String, Object> config, Optional<String> handlerFile) {
    /** The key of the requirements block, which serverless.yml does not contain. */
    public static final String PYTHON_REQUIREMENTS = "pythonRequirements";

    public LambdaConfig {
        Objects.requireNonNull(handlerFile, "handlerFile");
        config = Trees.freeze(config);
    }

    /** The requirement lines of this Lambda, sorted and unique (its own plus the global ones). */
    public List<String> requirements() {
        if (config.get(PYTHON_REQUIREMENTS) instanceof Map<?, ?> reqs
                && reqs.get("include") instanceof List<?> include) {
            List<String> lines = new ArrayList<>();
            include.forEach(item -> lines.add(String.valueOf(item)));
            return List.copyOf(lines);
        }
        return List.of();
    }

    /**
     * Whether a {@code lambda} block deploys a prebuilt artifact rather than a Python module
     * directory: it sets {@code package.artifact} and a runtime that is not Python (the builtin
     * functions: {@code runtime: java21}, {@code package: {artifact:
     * lambdas/cirrus-builtins.jar}}). cirrus v0.15.4 replaced every {@code package}; such Lambdas
     * keep theirs.
     */
    public static boolean deploysArtifact(Map<?, ?> lambda) {
        return lambda.get("package") instanceof Map<?, ?> pkg
                && pkg.get("artifact") instanceof String
                && lambda.get("runtime") instanceof String runtime
                && !runtime.startsWith("python");
    }

    /** The artifact this Lambda deploys ({@code package.artifact}), if it deploys one. */
    public Optional<String> artifact() {
        if (deploysArtifact(config) && config.get("package") instanceof Map<?, ?> pkg) {
            return Optional.of((String) pkg.get("artifact"));
        }
        return Optional.empty();
    }

    /** True when a handler is set, so the build packages a code directory. */
    public boolean hasModule() {
        return config.containsKey("module");
    }
}
