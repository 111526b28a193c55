package cirrus.local.batch;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown once with every problem found in a set of Batch resources. */
public final class BatchResourceException extends RuntimeException {
    private final transient List<BatchProblem> problems;

    /** Creates the exception; {@code problems} must not be empty. */
    public BatchResourceException(List<BatchProblem> problems) {
        super(render(problems));
        this.problems = List.copyOf(problems);
    }

    /** Every problem, in the order found. */
    public List<BatchProblem> problems() {
        return problems;
    }

    private static String render(List<BatchProblem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("no problems");
        }
        return problems.stream().map(BatchProblem::toString).collect(Collectors.joining("\n"));
    }
}
