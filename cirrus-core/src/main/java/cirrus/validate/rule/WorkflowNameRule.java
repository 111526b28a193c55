package cirrus.validate.rule;

import cirrus.validate.DeployedStateMachine;
import cirrus.validate.Findings;
import cirrus.validate.ProjectView;
import cirrus.validate.Rule;

/**
 * Workflows: {@code process} starts executions of the state machine {@code <StackName>-<workflow>};
 * a workflow whose state machine is named otherwise (or not named, so serverless-step-functions
 * picks a name) deploys fine and then fails every payload sent to it with StateMachineDoesNotExist.
 */
public final class WorkflowNameRule implements Rule {
    @Override
    public void check(ProjectView project, Findings findings) {
        for (DeployedStateMachine sm : project.stateMachines()) {
            WorkflowNaming.Result r = WorkflowNaming.judge(project, sm);
            String hint = "name: " + WorkflowNaming.template(sm.name());
            switch (r.verdict()) {
                case MISSING ->
                        findings.add(
                                r.node().location(),
                                "workflow '"
                                        + sm.name()
                                        + "' has no name, but process starts '"
                                        + r.expected()
                                        + "'",
                                hint);
                case WRONG ->
                        findings.add(
                                r.node().location(),
                                "workflow '"
                                        + sm.name()
                                        + "' is named '"
                                        + r.actual().orElse(String.valueOf(r.node().value()))
                                        + "', but process starts '"
                                        + r.expected()
                                        + "'",
                                hint);
                default -> {}
            }
        }
    }
}
