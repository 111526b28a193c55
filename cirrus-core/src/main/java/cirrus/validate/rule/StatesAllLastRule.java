package cirrus.validate.rule;

import java.util.List;

import cirrus.validate.Findings;
import cirrus.validate.ProjectView;
import cirrus.validate.Rule;
import cirrus.validate.analysis.Asl;
import cirrus.validate.source.Node;

/**
 * Workflows: the wildcard {@code States.ALL} must appear alone in its {@code ErrorEquals} and in
 * the last retrier or catcher of the list (the language requires it: entries are tried in order, so
 * nothing after States.ALL could match).
 *
 * @see <a href="https://states-language.net/spec.html#error-names">ASL: error names</a>
 */
public final class StatesAllLastRule implements Rule {
    private static final String ALL = "States.ALL";

    @Override
    public void check(ProjectView project, Findings findings) {
        for (Asl.State s : Asl.of(project).states()) {
            check(s, "Retry", s.retriers(), findings);
            check(s, "Catch", s.catchers(), findings);
        }
    }

    private static void check(Asl.State s, String field, List<Node> entries, Findings findings) {
        for (int i = 0; i < entries.size(); i++) {
            Node errors = entries.get(i).get("ErrorEquals").orElse(null);
            if (errors == null || !errors.isList()) {
                continue;
            }
            boolean all = errors.items().stream().anyMatch(e -> ALL.equals(e.value()));
            if (!all) {
                continue;
            }
            String where = field + " entry " + (i + 1) + " of state '" + s.name() + "'";
            if (errors.items().size() > 1) {
                findings.add(
                        errors.location(), "States.ALL must be alone in ErrorEquals: " + where);
            }
            if (i < entries.size() - 1) {
                findings.add(
                        errors.location(),
                        "States.ALL must be in the last "
                                + field
                                + " entry, but "
                                + where
                                + " is followed by "
                                + (entries.size() - 1 - i)
                                + " more");
            }
        }
    }
}
