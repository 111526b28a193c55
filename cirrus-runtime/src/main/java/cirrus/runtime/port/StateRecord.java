package cirrus.runtime.port;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import cirrus.runtime.payload.PayloadId;

/**
 * One item of the state store, with the attributes of the cirrus v0.15.4 table ({@code created},
 * {@code updated}, {@code state_updated}, {@code executions}, {@code outputs}, {@code last_error})
 * plus {@code claimed_at} of cirrus v2.
 *
 * @param id the payload id (key {@code collections_workflow} + {@code itemids})
 * @param state the current state
 * @param stateUpdated when the state last changed (the time part of {@code state_updated})
 * @param created when the item was first written
 * @param updated when the item was last written
 * @param executions execution ARNs, oldest first; the last one is the current or planned execution
 * @param outputs output item URLs written by publish; empty when none were recorded
 * @param lastError the last error message, when the last execution failed or was invalid
 * @param claimedAt when the payload was last claimed
 */
public record StateRecord(
        PayloadId id,
        WorkflowState state,
        Instant stateUpdated,
        Instant created,
        Instant updated,
        List<String> executions,
        List<String> outputs,
        Optional<String> lastError,
        Optional<Instant> claimedAt) {

    public StateRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(stateUpdated, "stateUpdated");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(updated, "updated");
        executions = List.copyOf(executions);
        outputs = List.copyOf(outputs);
        Objects.requireNonNull(lastError, "lastError");
        Objects.requireNonNull(claimedAt, "claimedAt");
    }

    /** The current (or planned, when {@link WorkflowState#CLAIMED}) execution ARN. */
    public Optional<String> lastExecution() {
        return executions.isEmpty()
                ? Optional.empty()
                : Optional.of(executions.get(executions.size() - 1));
    }
}
