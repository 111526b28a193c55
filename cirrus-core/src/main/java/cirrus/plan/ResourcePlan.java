package cirrus.plan;

import java.util.List;
import java.util.Objects;

import cirrus.plan.diff.ResourceChange;

/**
 * Everything the plan says about one resource: how it changes, the overall action and risk, and the
 * findings that explain them.
 *
 * @param change how the resource differs between the templates (may be unchanged when another
 *     resource's change affects it, e.g. a launch template version it does not pick up)
 * @param action the heaviest action of the findings
 * @param risk the highest risk of the findings
 * @param findings the verdicts, in rule order
 */
public record ResourcePlan(
        ResourceChange change, Action action, Risk risk, List<Finding> findings) {
    public ResourcePlan {
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(risk, "risk");
        findings = List.copyOf(findings);
    }

    public String logicalId() {
        return change.logicalId();
    }

    public String type() {
        return change.type();
    }
}
