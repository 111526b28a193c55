package cirrus.local.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import cirrus.diag.Diagnostic;
import cirrus.resolve.Origins;

/**
 * Typed reads of a compiled configuration tree: a value of the wrong type becomes a located
 * diagnostic and reads as absent, so that one pass reports every problem.
 */
record ConfigReader(Origins origins, List<Diagnostic> errors) {

    /** The mapping at {@code key}; empty when absent or (with an error) not a mapping. */
    @SuppressWarnings("unchecked")
    Map<String, Object> map(Map<String, Object> parent, String key) {
        Object v = parent.get(key);
        if (v instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        if (v != null) {
            error(parent, key, "'" + key + "' must be a mapping");
        }
        return Map.of();
    }

    /** The text at {@code key} (numbers and booleans are accepted as text). */
    Optional<String> string(Map<String, Object> parent, String key) {
        Object v = parent.get(key);
        if (v == null) {
            return Optional.empty();
        }
        if (v instanceof String || v instanceof Number || v instanceof Boolean) {
            return Optional.of(LocalModelBuilder.text(v));
        }
        error(parent, key, "'" + key + "' must be text");
        return Optional.empty();
    }

    /** The number at {@code key} (numeric text is accepted). */
    Optional<Double> number(Map<String, Object> parent, String key) {
        Object v = parent.get(key);
        if (v == null) {
            return Optional.empty();
        }
        if (v instanceof Number n) {
            return Optional.of(n.doubleValue());
        }
        if (v instanceof String s) {
            try {
                return Optional.of(Double.parseDouble(s.trim()));
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        error(parent, key, "'" + key + "' must be a number");
        return Optional.empty();
    }

    void error(Object parent, Object key, String message) {
        errors.add(
                Diagnostic.error(
                        ModelException.BAD_CONFIG,
                        origins.child(parent, key).orElse(null),
                        message));
    }
}
