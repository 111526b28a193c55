package cirrus.validate.rule;

import java.util.Optional;

import cirrus.validate.DeployedObject;
import cirrus.validate.Findings;
import cirrus.validate.ProjectView;
import cirrus.validate.Rule;
import cirrus.validate.analysis.Batch;
import cirrus.validate.source.Node;

/**
 * Batch: a Batch step's {@code JobQueue} names a job queue and its {@code JobDefinition} a job
 * definition; naming, say, the compute environment deploys fine and fails every submission.
 */
public final class BatchTargetRule implements Rule {
    @Override
    public void check(ProjectView project, Findings findings) {
        for (Batch.Step step : Batch.of(project).steps()) {
            check(
                    project,
                    step,
                    step.jobQueue(),
                    step.jobQueueId(),
                    Batch.JOB_QUEUE,
                    "JobQueue",
                    findings);
            check(
                    project,
                    step,
                    step.jobDefinition(),
                    step.jobDefinitionId(),
                    Batch.JOB_DEFINITION,
                    "JobDefinition",
                    findings);
        }
    }

    private static void check(
            ProjectView project,
            Batch.Step step,
            Optional<Node> node,
            Optional<String> id,
            String type,
            String field,
            Findings findings) {
        if (node.isEmpty() || id.isEmpty()) {
            return;
        }
        Optional<DeployedObject> target = project.resource(id.get());
        if (target.isPresent() && target.get().type().isPresent() && !target.get().is(type)) {
            findings.add(
                    node.get().location(),
                    field
                            + " of Batch step '"
                            + step.state().name()
                            + "' names '"
                            + id.get()
                            + "' ("
                            + target.get().type().get()
                            + "), not an "
                            + type);
        }
    }
}
