package cirrus.validate.rule;

import cirrus.validate.Findings;
import cirrus.validate.ProjectView;
import cirrus.validate.Rule;
import cirrus.validate.analysis.LogicalIds;
import cirrus.validate.analysis.Reference;
import cirrus.validate.analysis.References;
import cirrus.validate.analysis.Undeployed;

/**
 * References: a {@code #{X}} in a state machine definition (how cirrus workflows name job queues
 * and job definitions: {@code JobQueue: "#{MyJobQueue}"}) becomes {@code ${X}} in an {@code
 * Fn::Sub} written by serverless-step-functions, so X must be a deployed logical id.
 */
public final class UnknownPlaceholderRule implements Rule {
    @Override
    public void check(ProjectView project, Findings findings) {
        LogicalIds ids = LogicalIds.of(project);
        Undeployed undeployed = Undeployed.of(project);
        for (Reference r : References.of(project).of(Reference.Kind.PLACEHOLDER)) {
            String t = r.target();
            if (!r.inDefinition()
                    || ids.refResolves(t, true)
                    || t.startsWith("AWS::")
                    || undeployed.lambda(t).isPresent()) {
                continue;
            }
            findings.add(
                    r.node().location(),
                    "#{" + t + "} names '" + t + "', " + ReferenceText.why(t, undeployed),
                    ReferenceText.hint(t, ids.candidates(true, true), findings));
        }
    }
}
