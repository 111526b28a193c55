package cirrus.runtime.port;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A query over the items of one {@code collections_workflow}, with the semantics of cirrus v0.15.4
 * {@code StateDB.query}:
 *
 * <ul>
 *   <li>{@code since} and {@code state}: items in that state whose state changed within {@code
 *       since}, ordered by state change time;
 *   <li>{@code since} only: items written within {@code since}, ordered by {@code updated};
 *   <li>{@code state} only: items in that state, ordered by state change time;
 *   <li>neither: all items, ordered by {@link #sortIndex()};
 *   <li>{@code errorBeginsWith} additionally keeps items whose {@code last_error} starts with it.
 * </ul>
 *
 * Ties are broken by item ids. Order is descending unless {@code ascending}.
 *
 * @param collectionsWorkflow the hash key {@code <collections>_<workflow>}
 * @param state only items in this state
 * @param since only items changed within this duration before now
 * @param errorBeginsWith only items whose last error starts with this
 * @param sortIndex the order when neither state nor since is given
 * @param ascending oldest first instead of newest first
 */
public record StateQuery(
        String collectionsWorkflow,
        Optional<WorkflowState> state,
        Optional<Duration> since,
        Optional<String> errorBeginsWith,
        SortIndex sortIndex,
        boolean ascending) {

    public StateQuery {
        Objects.requireNonNull(collectionsWorkflow, "collectionsWorkflow");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(errorBeginsWith, "errorBeginsWith");
        Objects.requireNonNull(sortIndex, "sortIndex");
        since.ifPresent(
                d -> {
                    if (d.isNegative()) {
                        throw new IllegalArgumentException("since must not be negative");
                    }
                });
    }

    /** All items of {@code collectionsWorkflow}, newest {@code updated} first. */
    public static StateQuery of(String collectionsWorkflow) {
        return new StateQuery(
                collectionsWorkflow,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                SortIndex.UPDATED,
                false);
    }

    public StateQuery withState(WorkflowState value) {
        return new StateQuery(
                collectionsWorkflow,
                Optional.of(value),
                since,
                errorBeginsWith,
                sortIndex,
                ascending);
    }

    public StateQuery withSince(Duration value) {
        return new StateQuery(
                collectionsWorkflow,
                state,
                Optional.of(value),
                errorBeginsWith,
                sortIndex,
                ascending);
    }

    public StateQuery withErrorBeginsWith(String value) {
        return new StateQuery(
                collectionsWorkflow, state, since, Optional.of(value), sortIndex, ascending);
    }

    public StateQuery withSortIndex(SortIndex value) {
        return new StateQuery(collectionsWorkflow, state, since, errorBeginsWith, value, ascending);
    }

    public StateQuery withAscending(boolean value) {
        return new StateQuery(collectionsWorkflow, state, since, errorBeginsWith, sortIndex, value);
    }

    /** The index the query actually reads, after the state/since rules above. */
    public SortIndex effectiveIndex() {
        if (state.isPresent()) {
            return SortIndex.STATE_UPDATED;
        }
        if (since.isPresent()) {
            return SortIndex.UPDATED;
        }
        return sortIndex;
    }
}
