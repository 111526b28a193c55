package cirrus.local.model;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The logical ids a compiled project defines and their local values: pseudo-parameters, resources
 * (named by their name property or {@code <stack>-<LogicalId>}), serverless functions (by key and
 * by the Lambda logical id serverless generates, e.g. {@code PreDashbatchLambdaFunction}) and
 * template parameters with defaults.
 */
final class LocalScope implements References {
    private final LocalNames names;
    private final Map<String, Object> resources;
    private final Map<String, Object> parameters;
    private final Map<String, String> functionNames = new HashMap<>();
    private final Map<String, String> physicalNames = new HashMap<>();
    private final Set<String> naming = new HashSet<>();
    private Intrinsics intrinsics;

    LocalScope(
            LocalNames names,
            Map<String, Object> resources,
            Map<String, Object> parameters,
            Map<String, String> functionNamesByKey) {
        this.names = names;
        this.resources = resources;
        this.parameters = parameters;
        functionNamesByKey.forEach(
                (key, name) -> {
                    functionNames.put(key, name);
                    functionNames.putIfAbsent(lambdaLogicalId(key), name);
                });
    }

    /** Set once the evaluator exists (names may themselves be intrinsics). */
    void use(Intrinsics evaluator) {
        this.intrinsics = evaluator;
    }

    /**
     * The logical id serverless gives a function's {@code AWS::Lambda::Function}: the key with
     * {@code -} → {@code Dash}, {@code _} → {@code Underscore}, first letter upper case, then
     * {@code LambdaFunction}.
     */
    static String lambdaLogicalId(String key) {
        String normalized = key.replace("-", "Dash").replace("_", "Underscore");
        return normalized.isEmpty()
                ? "LambdaFunction"
                : Character.toUpperCase(normalized.charAt(0))
                        + normalized.substring(1)
                        + "LambdaFunction";
    }

    @Override
    public Optional<Object> ref(String logicalId) {
        switch (logicalId) {
            case "AWS::Region":
                return Optional.of(names.region());
            case "AWS::AccountId":
                return Optional.of(LocalNames.ACCOUNT_ID);
            case "AWS::StackName":
                return Optional.of(names.stackName());
            case "AWS::StackId":
                return Optional.of(names.stackId());
            case "AWS::Partition":
                return Optional.of(LocalNames.PARTITION);
            case "AWS::URLSuffix":
                return Optional.of(LocalNames.URL_SUFFIX);
            case "AWS::NotificationARNs":
                return Optional.of(List.of());
            default:
                break;
        }
        if (resources.containsKey(logicalId)) {
            ResourceKind kind = kind(logicalId);
            String name = physicalName(logicalId);
            if (kind == ResourceKind.TIMESTREAM_TABLE) {
                return Optional.of(property(logicalId, "DatabaseName").orElse("") + "|" + name);
            }
            return Optional.of(kind.ref(names, name));
        }
        if (functionNames.containsKey(logicalId)) {
            return Optional.of(functionNames.get(logicalId));
        }
        if (parameters.get(logicalId) instanceof Map<?, ?> p && p.containsKey("Default")) {
            return intrinsics.evaluate(p.get("Default"), p, "Default");
        }
        return Optional.empty();
    }

    @Override
    public Optional<Object> getAtt(String logicalId, String attribute) {
        if (resources.containsKey(logicalId)) {
            String name = physicalName(logicalId);
            return kind(logicalId)
                    .attribute(names, name, attribute)
                    .or(() -> ResourceKind.OTHER.attribute(names, name, attribute));
        }
        if (functionNames.containsKey(logicalId)) {
            String name = functionNames.get(logicalId);
            return Optional.of(
                    attribute.equals("Arn") ? names.functionArn(name) : name + "." + attribute);
        }
        return Optional.empty();
    }

    /** The CloudFormation kind of a resource of the template. */
    ResourceKind kind(String logicalId) {
        return resources.get(logicalId) instanceof Map<?, ?> r
                ? ResourceKind.of(String.valueOf(r.get("Type")))
                : ResourceKind.OTHER;
    }

    /** The resource's physical name: its name property, or one generated from its logical id. */
    String physicalName(String logicalId) {
        String known = physicalNames.get(logicalId);
        if (known != null) {
            return known;
        }
        ResourceKind kind = kind(logicalId);
        String generated = names.generatedName(logicalId, kind.lowerCaseNames());
        if (!naming.add(logicalId)) {
            return generated;
        }
        try {
            String name =
                    kind.nameProperty()
                            .flatMap(p -> property(logicalId, p))
                            .map(String::valueOf)
                            .orElse(generated);
            physicalNames.put(logicalId, name);
            return name;
        } finally {
            naming.remove(logicalId);
        }
    }

    private Optional<Object> property(String logicalId, String property) {
        if (resources.get(logicalId) instanceof Map<?, ?> r
                && r.get("Properties") instanceof Map<?, ?> props
                && props.containsKey(property)) {
            return intrinsics.evaluate(props.get(property), props, property);
        }
        return Optional.empty();
    }
}
