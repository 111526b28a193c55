package cirrus.validate.rule;

import cirrus.validate.Findings;
import cirrus.validate.ProjectView;
import cirrus.validate.Rule;
import cirrus.validate.analysis.LogicalIds;
import cirrus.validate.analysis.Reference;
import cirrus.validate.analysis.References;
import cirrus.validate.analysis.Undeployed;

/**
 * References: each {@code ${X}} of an {@code Fn::Sub} template is a pseudo parameter ({@code
 * ${AWS::Region}}, also what {@code #{AWS::Region}} becomes), a variable of the Fn::Sub's own map,
 * or a deployed logical id ({@code ${X}} works like Ref, {@code ${X.Attr}} like Fn::GetAtt).
 */
public final class UnknownSubVariableRule implements Rule {
    @Override
    public void check(ProjectView project, Findings findings) {
        LogicalIds ids = LogicalIds.of(project);
        Undeployed undeployed = Undeployed.of(project);
        for (Reference r : References.of(project).of(Reference.Kind.SUB)) {
            String t = r.target();
            if (t.startsWith("AWS::")) {
                if (!LogicalIds.PSEUDO_PARAMETERS.contains(t)) {
                    findings.add(
                            r.node().location(),
                            "${" + t + "} is not a CloudFormation pseudo parameter",
                            ReferenceText.hint(t, LogicalIds.PSEUDO_PARAMETERS, findings));
                }
                continue;
            }
            if (ids.refResolves(t, r.inDefinition())
                    || (r.inDefinition() && undeployed.lambda(t).isPresent())) {
                continue;
            }
            findings.add(
                    r.node().location(),
                    "${"
                            + t
                            + "} in Fn::Sub names '"
                            + t
                            + "', "
                            + ReferenceText.why(t, undeployed),
                    ReferenceText.hint(t, ids.candidates(r.inDefinition(), true), findings));
        }
    }
}
