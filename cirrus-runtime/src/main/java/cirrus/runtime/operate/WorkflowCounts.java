package cirrus.runtime.operate;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

import cirrus.runtime.port.StateCount;
import cirrus.runtime.port.WorkflowState;

/**
 * The number of payloads in each state for one {@code collections_workflow} key.
 *
 * @param collections the collections part of the key
 * @param workflow the workflow part of the key
 * @param counts one count per state (zero counts included), in {@link WorkflowState} order
 */
public record WorkflowCounts(
        String collections, String workflow, Map<WorkflowState, StateCount> counts) {
    public WorkflowCounts {
        Objects.requireNonNull(collections, "collections");
        Objects.requireNonNull(workflow, "workflow");
        counts = Collections.unmodifiableMap(new EnumMap<>(counts));
    }

    /** The {@code collections_workflow} key. */
    public String key() {
        return collections + "_" + workflow;
    }

    /** The count in {@code state} (zero when absent). */
    public StateCount count(WorkflowState state) {
        return counts.getOrDefault(state, new StateCount(0, false));
    }

    /** The sum of the counts (a lower bound when one is capped). */
    public long total() {
        return counts.values().stream().mapToLong(StateCount::count).sum();
    }
}
