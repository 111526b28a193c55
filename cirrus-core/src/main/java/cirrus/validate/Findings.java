package cirrus.validate;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import cirrus.diag.Diagnostic;
import cirrus.diag.Location;

/**
 * Where one rule puts its findings: each becomes a {@link Diagnostic} with the rule's code and
 * severity, and the rule's fix hint unless the finding has a more specific one.
 */
public final class Findings {
    private final RuleCatalog rule;
    private final Set<Diagnostic> found = new LinkedHashSet<>();

    Findings(RuleCatalog rule) {
        this.rule = rule;
    }

    /** A finding at {@code location} with the rule's hint. */
    public void add(Location location, String message) {
        add(location, message, rule.hint());
    }

    /** A finding at {@code location} with a specific hint ({@code null} for none). */
    public void add(Location location, String message, String hint) {
        Diagnostic d = new Diagnostic(rule.code(), rule.severity(), location, message, hint);
        found.add(d);
    }

    /** The rule these findings are for. */
    public RuleCatalog rule() {
        return rule;
    }

    List<Diagnostic> all() {
        return List.copyOf(found);
    }
}
