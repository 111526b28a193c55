package cirrus.validate.rule;

import cirrus.validate.DeployedStateMachine;
import cirrus.validate.Findings;
import cirrus.validate.ProjectView;
import cirrus.validate.Rule;
import cirrus.validate.analysis.JsonSize;

/**
 * Quotas: a state machine definition is at most 1 MB (Step Functions quotas: "Maximum size of a
 * state machine definition: 1 MB", a hard quota); measured as the JSON serverless-step-functions
 * writes.
 */
public final class StateMachineSizeRule implements Rule {
    static final long LIMIT = 1024 * 1024;

    @Override
    public void check(ProjectView project, Findings findings) {
        for (DeployedStateMachine sm : project.stateMachines()) {
            long size = JsonSize.of(sm.compiled().get("definition"));
            if (size > LIMIT) {
                findings.add(
                        sm.definition().map(d -> d.keyLocation()).orElse(sm.node().location()),
                        "the definition of workflow '"
                                + sm.name()
                                + "' is about "
                                + JsonSize.mb(size)
                                + " as JSON, over the 1 MB Step Functions accepts");
            }
        }
    }
}
