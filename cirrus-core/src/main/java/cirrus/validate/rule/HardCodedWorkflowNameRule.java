package cirrus.validate.rule;

import cirrus.validate.DeployedStateMachine;
import cirrus.validate.Findings;
import cirrus.validate.ProjectView;
import cirrus.validate.Rule;

/**
 * Workflows: a state machine name that writes the service or stage out ({@code cirrus-dev-x})
 * matches what {@code process} starts only for that stage; {@code cirrus serverless deploy --stage
 * prod} then deploys a workflow process cannot start.
 */
public final class HardCodedWorkflowNameRule implements Rule {
    @Override
    public void check(ProjectView project, Findings findings) {
        for (DeployedStateMachine sm : project.stateMachines()) {
            WorkflowNaming.Result r = WorkflowNaming.judge(project, sm);
            if (r.verdict() == WorkflowNaming.Verdict.HARD_CODED) {
                findings.add(
                        r.node().location(),
                        "workflow '"
                                + sm.name()
                                + "' is named '"
                                + r.node().value()
                                + "', which matches what process starts only for stage '"
                                + new cirrus.validate.analysis.ServerlessVariables(
                                                project.serverless())
                                        .stage()
                                + "'",
                        "name: " + WorkflowNaming.template(sm.name()));
            }
        }
    }
}
