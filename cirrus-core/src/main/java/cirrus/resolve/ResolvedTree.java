package cirrus.resolve;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import cirrus.diag.Diagnostic;

/**
 * A configuration with its serverless variables replaced, the errors met on the way (each with a
 * location when the tree came from a file), and where each part came from.
 *
 * @param root the resolved tree; unresolvable variables are left as written
 * @param origins source locations of the resolved tree's parts
 * @param errors one diagnostic per unresolvable variable; empty when all resolved
 */
public record ResolvedTree(Object root, Origins origins, List<Diagnostic> errors) {
    public ResolvedTree {
        Objects.requireNonNull(origins, "origins");
        errors = List.copyOf(errors);
    }

    /** Whether every variable was resolved. */
    public boolean isResolved() {
        return errors.isEmpty();
    }

    /**
     * The resolved root.
     *
     * @throws VariableException with every error when some variable could not be resolved
     */
    public Object requireResolved() {
        if (!errors.isEmpty()) {
            throw new VariableException(errors);
        }
        return root;
    }

    /** The root as a map (a serverless configuration always is one). */
    @SuppressWarnings("unchecked")
    public Optional<Map<String, Object>> rootMap() {
        return root instanceof Map<?, ?> m
                ? Optional.of((Map<String, Object>) m)
                : Optional.empty();
    }
}
