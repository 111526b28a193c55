package cirrus.plan.template;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import cirrus.diag.Location;

/**
 * One resource of a template: its logical id, CloudFormation type, properties, resource-level
 * attributes ({@code DeletionPolicy}, {@code UpdateReplacePolicy}, {@code Condition}, …) and where
 * it is declared.
 *
 * @param logicalId the key under {@code Resources}
 * @param type the CloudFormation type, e.g. {@code AWS::Batch::JobQueue}
 * @param properties the {@code Properties} tree (plain maps, lists and scalars)
 * @param attributes the other keys of the resource (everything but {@code Type}/{@code Properties})
 * @param location where the resource is declared, or {@code null}
 */
public record Resource(
        String logicalId,
        String type,
        Map<String, Object> properties,
        Map<String, Object> attributes,
        Location location) {
    public Resource {
        Objects.requireNonNull(logicalId, "logicalId");
        Objects.requireNonNull(type, "type");
        properties = properties == null ? Map.of() : properties;
        attributes = attributes == null ? Map.of() : attributes;
    }

    /** The property at a dotted path through mappings ({@code ComputeResources.MaxvCpus}). */
    public Optional<Object> at(String dottedPath) {
        Object current = properties;
        for (String part : dottedPath.split("\\.")) {
            if (!(current instanceof Map<?, ?> map) || !map.containsKey(part)) {
                return Optional.empty();
            }
            current = map.get(part);
        }
        return Optional.ofNullable(current);
    }

    /** The property at {@code dottedPath} when it is a plain string. */
    public Optional<String> text(String dottedPath) {
        return at(dottedPath).filter(String.class::isInstance).map(String.class::cast);
    }

    /** The property at {@code dottedPath} as a whole number, when it is one (or a numeric text). */
    public Optional<Long> number(String dottedPath) {
        return at(dottedPath).flatMap(Resource::asNumber);
    }

    /** The property at {@code dottedPath} as a boolean (also {@code "true"}/{@code "false"}). */
    public Optional<Boolean> flag(String dottedPath) {
        return at(dottedPath)
                .flatMap(
                        v -> {
                            if (v instanceof Boolean b) {
                                return Optional.of(b);
                            }
                            if (v instanceof String s
                                    && (s.equalsIgnoreCase("true")
                                            || s.equalsIgnoreCase("false"))) {
                                return Optional.of(Boolean.parseBoolean(s));
                            }
                            return Optional.empty();
                        });
    }

    /** The property at {@code dottedPath} as a list, or an empty list. */
    public List<?> list(String dottedPath) {
        return at(dottedPath)
                .filter(List.class::isInstance)
                .map(v -> (List<?>) v)
                .orElse(List.of());
    }

    /** {@code DeletionPolicy}, when set to a plain value. */
    public Optional<String> deletionPolicy() {
        Object v = attributes.get("DeletionPolicy");
        return v instanceof String s ? Optional.of(s) : Optional.empty();
    }

    /** A whole number from a number or a numeric string; empty for anything else. */
    public static Optional<Long> asNumber(Object value) {
        if (value instanceof Number n) {
            double d = n.doubleValue();
            return d == Math.rint(d) ? Optional.of(n.longValue()) : Optional.empty();
        }
        if (value instanceof String s && s.trim().matches("\\d{1,18}")) {
            return Optional.of(Long.parseLong(s.trim()));
        }
        return Optional.empty();
    }
}
