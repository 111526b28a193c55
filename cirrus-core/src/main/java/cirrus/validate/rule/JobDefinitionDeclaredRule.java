package cirrus.validate.rule;

import java.nio.file.Path;

import cirrus.diag.DiagnosticException;
import cirrus.diag.Location;
import cirrus.project.CloudFormationObject;
import cirrus.project.Component;
import cirrus.project.ComponentFile;
import cirrus.project.ComponentType;
import cirrus.project.Task;
import cirrus.validate.Findings;
import cirrus.validate.ProjectView;
import cirrus.validate.Rule;
import cirrus.validate.analysis.Batch;
import cirrus.validate.source.Node;

/**
 * Batch: a batch-enabled task declares at least one {@code AWS::Batch::JobDefinition} in its {@code
 * batch.resources} ("At minimum, a Batch job definition resource is required", cirrus docs, Batch
 * tasks); without one there is nothing for a workflow to submit.
 */
public final class JobDefinitionDeclaredRule implements Rule {
    @Override
    public void check(ProjectView project, Findings findings) {
        java.util.List<Component> tasks;
        try {
            tasks = project.project().components(ComponentType.TASK);
        } catch (DiagnosticException e) {
            return;
        }
        for (Component c : tasks) {
            if (!(c instanceof Task task) || !task.batch().enabled()) {
                continue;
            }
            boolean declared =
                    task.batch().resources().stream()
                            .anyMatch(JobDefinitionDeclaredRule::isJobDefinition);
            if (!declared) {
                Path file = task.info().directory().resolve(ComponentFile.DEFINITION);
                Location at =
                        project.sources()
                                .root(file)
                                .flatMap(r -> r.get("batch"))
                                .map(Node::keyLocation)
                                .orElse(Location.of(file));
                findings.add(
                        at,
                        "task '" + task.name() + "' enables batch but declares no job definition");
            }
        }
    }

    private static boolean isJobDefinition(CloudFormationObject o) {
        return o.type().map(Batch.JOB_DEFINITION::equals).orElse(false);
    }
}
