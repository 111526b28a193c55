package cirrus.validate.rule;

import java.util.List;

import cirrus.validate.Findings;
import cirrus.validate.ProjectView;
import cirrus.validate.Rule;
import cirrus.validate.analysis.Asl;
import cirrus.validate.analysis.Batch;
import cirrus.validate.source.Node;

/**
 * Batch: SubmitJob is throttled (50 transactions per second per account) and fails with {@code
 * Batch.AWSBatchException} when it is; cirrus' docs retry it on the Batch step with a long
 * exponential backoff. A Retry on the step, or on a Parallel around it, that matches {@code
 * Batch.AWSBatchException} (or {@code States.ALL}) counts.
 */
public final class BatchRetryRule implements Rule {
    @Override
    public void check(ProjectView project, Findings findings) {
        for (Batch.Step step : Batch.of(project).steps()) {
            if (!retries(step.state())) {
                Asl.State s = step.state();
                findings.add(
                        s.node().get("Retry").orElse(s.node()).keyLocation(),
                        "Batch step '" + s.name() + "' does not retry Batch.AWSBatchException");
            }
        }
    }

    private static boolean retries(Asl.State state) {
        for (Asl.State s = state; s != null; s = s.machine().owner()) {
            if (s != state && !s.type().equals("Parallel")) {
                continue;
            }
            for (Node retrier : s.retriers()) {
                List<Node> errors = retrier.get("ErrorEquals").map(Node::items).orElse(List.of());
                if (errors.stream()
                        .anyMatch(
                                e ->
                                        "Batch.AWSBatchException".equals(e.value())
                                                || "States.ALL".equals(e.value()))) {
                    return true;
                }
            }
        }
        return false;
    }
}
