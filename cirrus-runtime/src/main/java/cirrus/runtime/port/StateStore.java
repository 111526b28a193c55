package cirrus.runtime.port;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import cirrus.runtime.payload.PayloadId;

/**
 * The state database: where each payload is, keyed like the cirrus v0.15.4 DynamoDB table. Every
 * write sets {@code updated} to now and {@code created} if absent; writes other than the claim
 * create the item when it does not exist. Times come from the store's clock.
 *
 * <p>The claim protocol (cirrus v1) prevents stuck and duplicate executions:
 *
 * <ol>
 *   <li>{@link #claim} writes {@code CLAIMED} and the planned execution ARN, conditionally;
 *   <li>the workflow is started with that (deterministic) name, tolerating "already exists";
 *   <li>{@link #markProcessing} moves {@code CLAIMED} to {@code PROCESSING}, conditionally.
 * </ol>
 *
 * @see <a href="https://github.com/cirrus-geo/cirrus-geo/pull/281">cirrus-geo #281</a>
 */
public interface StateStore {
    /** The item of {@code id}, or empty. */
    Optional<StateRecord> get(PayloadId id);

    /** The items of the given ids that exist (duplicates in {@code ids} are read once). */
    Map<PayloadId, StateRecord> getAll(Collection<PayloadId> ids);

    /**
     * Claims the payload: sets {@code CLAIMED}, {@code claimed_at}, appends the planned execution
     * ARN and clears {@code last_error} and {@code outputs} — only if the payload is not in flight
     * and has {@link ClaimRequest#expectedExecutions()} executions. Atomic: of concurrent claims
     * with the same expectations exactly one succeeds.
     */
    ClaimResult claim(ClaimRequest request);

    /**
     * Moves a {@code CLAIMED} payload to {@code PROCESSING}.
     *
     * @return false (and nothing written) when the payload is not {@code CLAIMED}
     */
    boolean markProcessing(PayloadId id);

    /** v0.15.4 {@code set_processing}: {@code PROCESSING} and append {@code executionArn}. */
    void setProcessing(PayloadId id, String executionArn);

    /**
     * Records the output item URLs without changing the state.
     *
     * @throws IllegalStateException when the payload has no item
     */
    void setOutputs(PayloadId id, List<String> outputs);

    /** {@code COMPLETED}; replaces {@code outputs} when given. */
    void setCompleted(PayloadId id, Optional<List<String>> outputs);

    /** {@code FAILED} with {@code last_error}. */
    void setFailed(PayloadId id, String error);

    /** {@code INVALID} with {@code last_error}. */
    void setInvalid(PayloadId id, String error);

    /** {@code ABORTED}. */
    void setAborted(PayloadId id);

    /** Removes the item; does nothing when it does not exist. */
    void delete(PayloadId id);

    /**
     * One page of at most {@code limit} items matching {@code query}, starting after the item
     * {@code nextKey} (from a previous page) when given.
     */
    StatePage query(StateQuery query, int limit, Optional<PayloadId> nextKey);

    /** The number of items matching {@code query}, capped at {@code limit} when given. */
    StateCount count(StateQuery query, OptionalLong limit);

    /** The state of {@code id}, or empty when it has no item. */
    default Optional<WorkflowState> state(PayloadId id) {
        return get(id).map(StateRecord::state);
    }

    /** {@code COMPLETED}, keeping outputs. */
    default void setCompleted(PayloadId id) {
        setCompleted(id, Optional.empty());
    }
}
