package cirrus.validate.rule;

import java.util.Collection;

import cirrus.validate.Findings;
import cirrus.validate.Suggestions;
import cirrus.validate.analysis.Undeployed;

/** Wording shared by the reference rules. */
final class ReferenceText {
    private ReferenceText() {}

    /** Why {@code target} does not resolve: not declared, or declared but not deployed. */
    static String why(String target, Undeployed undeployed) {
        return undeployed.resource(target).orElse("which no deployed template declares");
    }

    /** "did you mean" when a close name exists, else the rule's hint. */
    static String hint(String target, Collection<String> candidates, Findings findings) {
        String suggestion = Suggestions.hint(target, candidates);
        return suggestion != null ? suggestion : findings.rule().hint();
    }
}
