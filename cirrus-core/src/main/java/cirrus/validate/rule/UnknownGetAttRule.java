package cirrus.validate.rule;

import cirrus.validate.Findings;
import cirrus.validate.ProjectView;
import cirrus.validate.Rule;
import cirrus.validate.analysis.LogicalIds;
import cirrus.validate.analysis.Reference;
import cirrus.validate.analysis.References;
import cirrus.validate.analysis.Undeployed;

/**
 * References: {@code Fn::GetAtt} reads an attribute of a deployed or generated resource (or, in a
 * state machine definition, of a deployed function: {@code !GetAtt publish.Arn}). CloudFormation
 * rejects the template otherwise ("Template error: instance of Fn::GetAtt references undefined
 * resource X").
 */
public final class UnknownGetAttRule implements Rule {
    @Override
    public void check(ProjectView project, Findings findings) {
        LogicalIds ids = LogicalIds.of(project);
        Undeployed undeployed = Undeployed.of(project);
        for (Reference r : References.of(project).of(Reference.Kind.GET_ATT)) {
            if (ids.getAttResolves(r.target(), r.inDefinition())
                    || (r.inDefinition() && undeployed.lambda(r.target()).isPresent())) {
                continue;
            }
            findings.add(
                    r.node().location(),
                    "Fn::GetAtt of '"
                            + r.target()
                            + "', "
                            + ReferenceText.why(r.target(), undeployed),
                    ReferenceText.hint(
                            r.target(),
                            ids,
                            r.inDefinition(),
                            ids.candidates(r.inDefinition(), false),
                            findings));
        }
    }
}
