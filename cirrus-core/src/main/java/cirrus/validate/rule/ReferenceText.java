package cirrus.validate.rule;

import java.util.Collection;

import cirrus.validate.Findings;
import cirrus.validate.Suggestions;
import cirrus.validate.analysis.LogicalIds;
import cirrus.validate.analysis.Undeployed;

/** Wording shared by the reference rules. */
final class ReferenceText {
    private ReferenceText() {}

    /** Why {@code target} does not resolve: not declared, or declared but not deployed. */
    static String why(String target, Undeployed undeployed) {
        return undeployed.resource(target).orElse("which no deployed template declares");
    }

    /**
     * For a function's name outside a state machine definition: its logical id (only
     * serverless-step-functions translates function names, and only in definitions).
     */
    static String hint(
            String target,
            LogicalIds ids,
            boolean inDefinition,
            Collection<String> candidates,
            Findings findings) {
        if (!inDefinition && ids.isFunction(target)) {
            return "outside workflows a function is named by its logical id, "
                    + LogicalIds.functionLogicalId(target);
        }
        return hint(target, candidates, findings);
    }

    /** "did you mean" when a close name exists, else the rule's hint. */
    static String hint(String target, Collection<String> candidates, Findings findings) {
        String suggestion = Suggestions.hint(target, candidates);
        return suggestion != null ? suggestion : findings.rule().hint();
    }
}
