package cirrus.validate.rule;

import cirrus.validate.Findings;
import cirrus.validate.ProjectView;
import cirrus.validate.Rule;
import cirrus.validate.analysis.LogicalIds;
import cirrus.validate.analysis.Reference;
import cirrus.validate.analysis.References;
import cirrus.validate.analysis.Undeployed;

/**
 * References: a workflow that runs a task as a Lambda ({@code Resource: !GetAtt my-task.Arn}) needs
 * that Lambda deployed. A component that exists but is disabled, has {@code lambda.enabled: false},
 * or has no {@code lambda} block (a Batch-only task) builds fine with cirrus v0.15.4 and fails at
 * deploy time.
 */
public final class WorkflowLambdaRule implements Rule {
    @Override
    public void check(ProjectView project, Findings findings) {
        LogicalIds ids = LogicalIds.of(project);
        Undeployed undeployed = Undeployed.of(project);
        References refs = References.of(project);
        for (Reference.Kind kind :
                new Reference.Kind[] {
                    Reference.Kind.GET_ATT,
                    Reference.Kind.REF,
                    Reference.Kind.SUB,
                    Reference.Kind.PLACEHOLDER
                }) {
            for (Reference r : refs.of(kind)) {
                if (!r.inDefinition() || ids.refResolves(r.target(), true)) {
                    continue;
                }
                undeployed
                        .lambda(r.target())
                        .ifPresent(
                                why ->
                                        findings.add(
                                                r.node().location(),
                                                "the workflow runs Lambda '"
                                                        + r.target()
                                                        + "', which is not deployed: "
                                                        + why));
            }
        }
    }
}
