package cirrus.validate.rule;

import cirrus.validate.Findings;
import cirrus.validate.ProjectView;
import cirrus.validate.Rule;
import cirrus.validate.analysis.Asl;
import cirrus.validate.analysis.Batch;
import cirrus.validate.analysis.LambdaTask;

/**
 * Batch: cirrus' Batch pattern runs {@code pre-batch} right before a Batch step: it writes the
 * payload to S3 and returns its {@code url}, which the step passes as the job's {@code url}
 * parameter (SubmitJob accepts only 30 KiB, a payload is often larger). Docs: workflows/batch.
 */
public final class PreBatchRule implements Rule {
    @Override
    public void check(ProjectView project, Findings findings) {
        for (Batch.Step step : Batch.of(project).steps()) {
            Asl.State s = step.state();
            boolean preceded =
                    s.predecessors().stream().anyMatch(p -> LambdaTask.is(p, "pre-batch"));
            if (!preceded) {
                findings.add(
                        s.node().keyLocation(),
                        "Batch step '" + s.name() + "' is not preceded by pre-batch");
            }
        }
    }
}
