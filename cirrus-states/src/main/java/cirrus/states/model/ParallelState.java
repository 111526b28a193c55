package cirrus.states.model;

import java.util.List;

/**
 * {@code "Type": "Parallel"}: runs every branch on the same input; the result is the array of
 * branch outputs in branch order.
 *
 * @see <a href="https://states-language.net/spec.html#parallel-state">Parallel State</a>
 */
public record ParallelState(
        String name,
        DataFlow dataFlow,
        List<StateGraph> branches,
        ErrorHandling errorHandling,
        String next)
        implements State {
    public ParallelState {
        branches = List.copyOf(branches);
    }
}
