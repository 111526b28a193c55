package cirrus.local.run;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import cirrus.runtime.port.WorkflowState;

/**
 * How one payload of a run ended.
 *
 * @param id the payload id
 * @param state its final state; empty when the run timed out before it ended
 * @param lastError the error of a failed or invalid payload
 * @param outputs the output item URLs publish recorded
 * @param executions the executions of this run, oldest first
 * @param jobs the Batch jobs those executions ran
 * @param skippedBecause why it was not processed (already COMPLETED or INVALID, no replace)
 * @param chainedFrom the payload whose chain produced it
 */
public record PayloadResult(
        String id,
        Optional<WorkflowState> state,
        Optional<String> lastError,
        List<String> outputs,
        List<String> executions,
        List<JobSummary> jobs,
        Optional<String> skippedBecause,
        Optional<String> chainedFrom) {
    public PayloadResult {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(lastError, "lastError");
        outputs = List.copyOf(outputs);
        executions = List.copyOf(executions);
        jobs = List.copyOf(jobs);
        Objects.requireNonNull(skippedBecause, "skippedBecause");
        Objects.requireNonNull(chainedFrom, "chainedFrom");
    }

    /** COMPLETED, or skipped because it already was. */
    public boolean succeeded() {
        return state.map(s -> s == WorkflowState.COMPLETED).orElse(false);
    }
}
