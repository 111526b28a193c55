package cirrus.validate.rule;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import cirrus.validate.DeployedObject;
import cirrus.validate.Findings;
import cirrus.validate.ProjectView;
import cirrus.validate.Rule;
import cirrus.validate.analysis.Batch;
import cirrus.validate.analysis.Requirements;

/**
 * Batch: a job submitted to a queue runs only if one compute environment of that queue can place it
 * on one instance: its vCPUs within MaxvCpus, and within the vCPUs, memory and GPUs of one of the
 * instance types the environment launches (Fargate: 16 vCPUs, 120 GiB, no GPUs). Otherwise the job
 * stays RUNNABLE forever and the workflow waits for it. Environments whose capacity is unknown
 * (unlisted instance types, unresolved variables) count as fitting.
 */
public final class JobCapacityRule implements Rule {
    @Override
    public void check(ProjectView project, Findings findings) {
        Batch batch = Batch.of(project);
        for (Batch.Step step : batch.steps()) {
            Optional<DeployedObject> jd = step.jobDefinitionId().flatMap(batch::jobDefinition);
            Optional<DeployedObject> queue = step.jobQueueId().flatMap(batch::queue);
            if (jd.isEmpty() || queue.isEmpty()) {
                continue;
            }
            Requirements needs =
                    batch.requirements(jd.get()).overriddenBy(step.overrides(batch.variables()));
            List<DeployedObject> environments = batch.environmentsOf(queue.get());
            if (environments.isEmpty() || needs.text().isEmpty()) {
                continue;
            }
            List<String> reasons = new ArrayList<>();
            for (DeployedObject ce : environments) {
                Optional<String> why = batch.neverFits(needs, ce);
                if (why.isEmpty()) {
                    reasons.clear();
                    break;
                }
                reasons.add(why.get());
            }
            if (!reasons.isEmpty()) {
                findings.add(
                        step.jobQueue().get().location(),
                        "job '"
                                + jd.get().name()
                                + "' ("
                                + needs.text()
                                + ") submitted by state '"
                                + step.state().name()
                                + "' can never run in queue '"
                                + queue.get().name()
                                + "': "
                                + String.join("; ", reasons));
            }
        }
    }
}
