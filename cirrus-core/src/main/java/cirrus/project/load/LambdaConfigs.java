package cirrus.project.load;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import cirrus.project.CirrusConfig;
import cirrus.project.ComponentType;
import cirrus.project.LambdaConfig;
import cirrus.project.ProjectException;
import cirrus.project.Trees;

/**
 * Computes the Lambda part of a component exactly as cirrus v0.15.4 does (behaviour reference §3.2
 * and §4.3), including the key order of the result.
 */
final class LambdaConfigs {
    /** Error code: an enabled Lambda has neither {@code handler} nor {@code image}. */
    static final String MISSING_HANDLER = "CIRRUS-P020";

    /** Error code: an {@code environment} is not a mapping. */
    static final String BAD_ENVIRONMENT = "CIRRUS-P021";

    private LambdaConfigs() {}

    /**
     * The Lambda config of a component.
     *
     * @param type the component type (for messages)
     * @param name the component name
     * @param definition the definition tree, without {@code enabled}
     * @param enabled the component-level enabled flag
     * @param environment the component's environment merged over the provider's
     * @param config the project configuration (for the global requirements)
     * @throws ProjectException {@link #MISSING_HANDLER} for an enabled Lambda without handler
     */
    static LambdaConfig compute(
            ComponentType type,
            String name,
            Map<String, Object> definition,
            boolean enabled,
            Map<String, Object> environment,
            CirrusConfig config) {
        Map<String, Object> lambda =
                definition.get("lambda") instanceof Map<?, ?> m
                        ? Trees.copy(stringMap(m))
                        : new LinkedHashMap<>();
        boolean declared = !lambda.isEmpty();
        Object flag = lambda.containsKey("enabled") ? lambda.remove("enabled") : Boolean.TRUE;
        boolean lambdaEnabled = declared && Trees.truthy(flag) && enabled;

        lambda.put("description", definition.getOrDefault("description", ""));
        Map<String, Object> env = new LinkedHashMap<>(environment);
        env.putAll(mapping(lambda.get("environment"), type, name, "lambda.environment"));
        lambda.put("environment", env);
        if (LambdaConfig.deploysArtifact(lambda)) {
            return artifact(type, name, lambda, lambdaEnabled);
        }
        Map<String, Object> pkg = new LinkedHashMap<>();
        pkg.put("include", new ArrayList<>(List.of("./lambdas/" + name + "/**")));
        lambda.put("package", pkg);

        Map<String, Object> requirements =
                lambda.get(LambdaConfig.PYTHON_REQUIREMENTS) instanceof Map<?, ?> r
                        ? stringMap(r)
                        : new LinkedHashMap<>();
        TreeSet<String> include = new TreeSet<>(config.pythonRequirements());
        if (requirements.get("include") instanceof List<?> own) {
            own.forEach(item -> include.add(String.valueOf(item)));
        }
        requirements.put("include", new ArrayList<>(include));
        lambda.put(LambdaConfig.PYTHON_REQUIREMENTS, requirements);

        Optional<String> handlerFile = Optional.empty();
        if (lambda.containsKey("handler")) {
            lambda.put("module", "lambdas/" + name);
            handlerFile = Optional.of(handlerFile(String.valueOf(lambda.get("handler"))));
        } else if (!lambda.containsKey("image") && lambdaEnabled) {
            throw new ProjectException(MISSING_HANDLER, missingHandler(type, name));
        }
        return new LambdaConfig(lambdaEnabled, lambda, handlerFile);
    }

    /**
     * A Lambda deployed from a prebuilt artifact (the builtin Java functions): its own {@code
     * package} is kept (moved after {@code environment}, where cirrus puts {@code package} for
     * Python Lambdas), and it has no Python requirements, module or handler file.
     */
    private static LambdaConfig artifact(
            ComponentType type, String name, Map<String, Object> lambda, boolean lambdaEnabled) {
        lambda.put("package", lambda.remove("package"));
        if (!lambda.containsKey("handler") && !lambda.containsKey("image") && lambdaEnabled) {
            throw new ProjectException(MISSING_HANDLER, missingHandler(type, name));
        }
        return new LambdaConfig(lambdaEnabled, lambda, Optional.empty());
    }

    /**
     * The Python file a handler names, like Python's {@code Path(handler).with_suffix(".py")}:
     * {@code lambda_function.lambda_handler} → {@code lambda_function.py}, {@code src/app.handler}
     * → {@code src/app.py}.
     */
    static String handlerFile(String handler) {
        int slash = handler.lastIndexOf('/');
        int dot = handler.lastIndexOf('.');
        String stem = dot > slash + 1 ? handler.substring(0, dot) : handler;
        return stem + ".py";
    }

    /** The component's environment: the provider's, overridden by the definition's. */
    static Map<String, Object> environment(
            ComponentType type, String name, Map<String, Object> definition, CirrusConfig config) {
        Map<String, Object> env = new LinkedHashMap<>(config.providerEnvironment());
        env.putAll(mapping(definition.get("environment"), type, name, "environment"));
        return env;
    }

    private static Map<String, Object> mapping(
            Object value, ComponentType type, String name, String what) {
        if (value == null) {
            return Map.of();
        }
        if (value instanceof Map<?, ?> m) {
            return Trees.copy(stringMap(m));
        }
        throw new ProjectException(
                BAD_ENVIRONMENT,
                "The "
                        + what
                        + " of "
                        + type.typeName()
                        + " '"
                        + name
                        + "' must be a mapping of variable names to values");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> stringMap(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }

    private static String missingHandler(ComponentType type, String name) {
        return "Missing module parameter in lambda definition.yml. The handler parameter, which"
                + " sets the module, is no longer defaulted. You likely need to set it to be"
                + " like:\n\n"
                + "    lambda:\n"
                + "      handler: lambda_function.lambda_handler\n\n"
                + "Offending "
                + type.typeName()
                + ": "
                + name
                + "\n\n"
                + "See https://github.com/cirrus-geo/cirrus-geo/issues/139 for additional"
                + " context.";
    }
}
