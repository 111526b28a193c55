package cirrus.validate.rule;

import cirrus.validate.Findings;
import cirrus.validate.ProjectView;
import cirrus.validate.Rule;
import cirrus.validate.analysis.LogicalIds;
import cirrus.validate.analysis.Reference;
import cirrus.validate.analysis.References;
import cirrus.validate.analysis.Undeployed;

/**
 * References: a {@code Ref} names a resource, parameter or pseudo parameter of the deployed
 * template, a logical id the Serverless Framework generates, or (in a state machine definition) a
 * deployed function. CloudFormation rejects the template otherwise ("Template format error:
 * Unresolved resource dependencies [X] in the Resources block of the template").
 */
public final class UnknownRefRule implements Rule {
    @Override
    public void check(ProjectView project, Findings findings) {
        LogicalIds ids = LogicalIds.of(project);
        Undeployed undeployed = Undeployed.of(project);
        for (Reference r : References.of(project).of(Reference.Kind.REF)) {
            if (ids.refResolves(r.target(), r.inDefinition())
                    || (r.inDefinition() && undeployed.lambda(r.target()).isPresent())) {
                continue;
            }
            findings.add(
                    r.node().location(),
                    "Ref to '" + r.target() + "', " + ReferenceText.why(r.target(), undeployed),
                    ReferenceText.hint(
                            r.target(),
                            ids,
                            r.inDefinition(),
                            ids.candidates(r.inDefinition(), true),
                            findings));
        }
    }
}
