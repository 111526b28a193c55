package cirrus.validate.rule;

import cirrus.validate.Findings;
import cirrus.validate.ProjectView;
import cirrus.validate.Rule;
import cirrus.validate.analysis.Asl;
import cirrus.validate.analysis.Batch;

/**
 * Batch: cirrus' docs group pre-batch, the Batch step and post-batch in a one-branch Parallel
 * ({@code OutputPath: $[0]}) so that a Retry or Catch on the Parallel handles the three as one unit
 * (a retried job then gets a fresh payload url).
 */
public final class BatchParallelRule implements Rule {
    @Override
    public void check(ProjectView project, Findings findings) {
        for (Batch.Step step : Batch.of(project).steps()) {
            Asl.State s = step.state();
            Asl.State owner = s.machine().owner();
            if (owner == null || !owner.type().equals("Parallel")) {
                findings.add(
                        s.node().keyLocation(),
                        "Batch step '" + s.name() + "' is not inside a Parallel state");
            }
        }
    }
}
