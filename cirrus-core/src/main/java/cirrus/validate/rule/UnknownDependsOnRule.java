package cirrus.validate.rule;

import cirrus.validate.Findings;
import cirrus.validate.ProjectView;
import cirrus.validate.Rule;
import cirrus.validate.analysis.LogicalIds;
import cirrus.validate.analysis.Reference;
import cirrus.validate.analysis.References;
import cirrus.validate.analysis.Undeployed;

/**
 * References: {@code DependsOn} (and serverless-step-functions' {@code dependsOn}) names deployed
 * resources; CloudFormation rejects the template otherwise ("Template format error: Unresolved
 * resource dependencies [X]").
 */
public final class UnknownDependsOnRule implements Rule {
    @Override
    public void check(ProjectView project, Findings findings) {
        LogicalIds ids = LogicalIds.of(project);
        Undeployed undeployed = Undeployed.of(project);
        for (Reference r : References.of(project).of(Reference.Kind.DEPENDS_ON)) {
            if (ids.isResource(r.target())) {
                continue;
            }
            findings.add(
                    r.node().location(),
                    "DependsOn '" + r.target() + "', " + ReferenceText.why(r.target(), undeployed),
                    ReferenceText.hint(r.target(), ids.candidates(false, false), findings));
        }
    }
}
