package cirrus.runtime.operate;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

import cirrus.runtime.port.WorkflowState;

/**
 * Which payloads a listing, count or rerun is about: the api function's and feed-rerun's filters.
 *
 * @param collections only this collections part of the id
 * @param workflow only this workflow
 * @param state only items in this state
 * @param since only items whose state changed (or, without {@code state}, were written) within this
 *     duration
 * @param errorBeginsWith only items whose last error starts with this
 * @param limit at most this many items (per workflow key for counts)
 */
public record PayloadFilter(
        Optional<String> collections,
        Optional<String> workflow,
        Optional<WorkflowState> state,
        Optional<Duration> since,
        Optional<String> errorBeginsWith,
        OptionalInt limit) {
    public PayloadFilter {
        Objects.requireNonNull(collections, "collections");
        Objects.requireNonNull(workflow, "workflow");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(errorBeginsWith, "errorBeginsWith");
        Objects.requireNonNull(limit, "limit");
        if (limit.isPresent() && limit.getAsInt() < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
    }

    /** Every payload. */
    public static PayloadFilter all() {
        return new PayloadFilter(
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                OptionalInt.empty());
    }

    public PayloadFilter withCollections(String value) {
        return new PayloadFilter(
                Optional.of(value), workflow, state, since, errorBeginsWith, limit);
    }

    public PayloadFilter withWorkflow(String value) {
        return new PayloadFilter(
                collections, Optional.of(value), state, since, errorBeginsWith, limit);
    }

    public PayloadFilter withState(WorkflowState value) {
        return new PayloadFilter(
                collections, workflow, Optional.of(value), since, errorBeginsWith, limit);
    }

    public PayloadFilter withSince(Duration value) {
        return new PayloadFilter(
                collections, workflow, state, Optional.of(value), errorBeginsWith, limit);
    }

    public PayloadFilter withErrorBeginsWith(String value) {
        return new PayloadFilter(collections, workflow, state, since, Optional.of(value), limit);
    }

    public PayloadFilter withLimit(int value) {
        return new PayloadFilter(
                collections, workflow, state, since, errorBeginsWith, OptionalInt.of(value));
    }

    /** Whether the {@code collections_workflow} key belongs to the selected workflows. */
    public boolean selects(String collectionsWorkflow) {
        int at = collectionsWorkflow.lastIndexOf('_');
        String c = at < 0 ? "" : collectionsWorkflow.substring(0, at);
        String w = collectionsWorkflow.substring(at + 1);
        return collections.map(c::equals).orElse(true) && workflow.map(w::equals).orElse(true);
    }
}
