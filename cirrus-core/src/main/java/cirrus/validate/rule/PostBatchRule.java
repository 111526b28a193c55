package cirrus.validate.rule;

import cirrus.validate.Findings;
import cirrus.validate.ProjectView;
import cirrus.validate.Rule;
import cirrus.validate.analysis.Asl;
import cirrus.validate.analysis.Batch;
import cirrus.validate.analysis.LambdaTask;

/**
 * Batch: {@code post-batch} follows a Batch step: it reads the payload the job wrote back to S3
 * (and, after a failure, the job's error from its log) and passes it on. Docs: workflows/batch.
 */
public final class PostBatchRule implements Rule {
    @Override
    public void check(ProjectView project, Findings findings) {
        for (Batch.Step step : Batch.of(project).steps()) {
            Asl.State s = step.state();
            boolean followed = s.next().map(n -> LambdaTask.is(n, "post-batch")).orElse(false);
            if (!followed) {
                findings.add(
                        s.node().get("Next").orElse(s.node()).keyLocation(),
                        "Batch step '" + s.name() + "' is not followed by post-batch");
            }
        }
    }
}
