package cirrus.validate.rule;

import cirrus.validate.Findings;
import cirrus.validate.ProjectView;
import cirrus.validate.Rule;
import cirrus.validate.analysis.Asl;
import cirrus.validate.analysis.Batch;
import cirrus.validate.analysis.LambdaTask;
import cirrus.validate.source.Node;

/**
 * Batch: when the job fails, its error is in the job's log, not in the state's output; cirrus' docs
 * catch every error of the Batch step into {@code post-batch} ({@code ResultPath: $.error}), which
 * reads the log and raises the job's real error.
 */
public final class BatchCatchRule implements Rule {
    @Override
    public void check(ProjectView project, Findings findings) {
        for (Batch.Step step : Batch.of(project).steps()) {
            Asl.State s = step.state();
            boolean caught = false;
            for (Node catcher : s.catchers()) {
                Asl.State target =
                        catcher.string("Next").map(s.machine().states()::get).orElse(null);
                caught |= target != null && LambdaTask.is(target, "post-batch");
            }
            if (!caught) {
                findings.add(
                        s.node().get("Catch").orElse(s.node()).keyLocation(),
                        "Batch step '" + s.name() + "' does not catch its errors into post-batch");
            }
        }
    }
}
