package cirrus.validate.rule;

import cirrus.validate.Findings;
import cirrus.validate.ProjectView;
import cirrus.validate.Rule;
import cirrus.validate.analysis.LogicalIds;
import cirrus.validate.analysis.Reference;
import cirrus.validate.analysis.References;

/**
 * References: the {@code Condition} of a resource or output, the condition of an {@code Fn::If} and
 * a {@code Condition: X} inside another condition name a declared condition.
 */
public final class UnknownConditionRule implements Rule {
    @Override
    public void check(ProjectView project, Findings findings) {
        LogicalIds ids = LogicalIds.of(project);
        for (Reference r : References.of(project).of(Reference.Kind.CONDITION)) {
            if (ids.isCondition(r.target())) {
                continue;
            }
            findings.add(
                    r.node().location(),
                    "condition '" + r.target() + "' is not declared under Conditions",
                    ReferenceText.hint(r.target(), ids.conditions(), findings));
        }
    }
}
