package cirrus.runtime.payload;

import java.util.Objects;

/**
 * The identity of a process payload: {@code <collections>/workflow-<workflow>/<itemids>}.
 *
 * <p>The state store keys an item by {@link #collectionsWorkflow()} ({@code
 * <collections>_<workflow>}, the DynamoDB hash key of cirrus v0.15.4) and {@link #itemIds()} (the
 * range key, {@code ""} when the id has no item part). Because the reverse mapping splits the hash
 * key on its <em>last</em> underscore, a workflow name can contain neither {@code _} nor {@code /};
 * collections may contain both.
 *
 * @param collections the {@code /}-joined sorted collections, or an explicit override, or {@code
 *     none}
 * @param workflow the workflow name
 * @param itemIds the {@code /}-joined sorted item ids, possibly empty
 */
public record PayloadId(String collections, String workflow, String itemIds) {
    private static final String MARKER = "/workflow-";

    public PayloadId {
        Objects.requireNonNull(collections, "collections");
        Objects.requireNonNull(workflow, "workflow");
        Objects.requireNonNull(itemIds, "itemIds");
        if (collections.isEmpty()) {
            throw new IllegalArgumentException("payload id has no collections part");
        }
        if (workflow.isEmpty() || workflow.contains("/") || workflow.contains("_")) {
            throw new IllegalArgumentException(
                    "workflow name '" + workflow + "' must be non-empty without '/' or '_'");
        }
    }

    /**
     * Parses {@code <collections>/workflow-<workflow>[/<itemids>]}, splitting at the first {@code
     * /workflow-} like cirrus v0.15.4.
     *
     * @throws IllegalArgumentException naming the id when it is not a payload id
     */
    public static PayloadId parse(String id) {
        int at = id.indexOf(MARKER);
        if (at < 0) {
            throw new IllegalArgumentException("Invalid payload id: " + id);
        }
        String rest = id.substring(at + MARKER.length());
        int slash = rest.indexOf('/');
        String workflow = slash < 0 ? rest : rest.substring(0, slash);
        String items = slash < 0 ? "" : rest.substring(slash + 1);
        try {
            return new PayloadId(id.substring(0, at), workflow, items);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "Invalid payload id: " + id + " (" + e.getMessage() + ")");
        }
    }

    /** Rebuilds an id from the state-store key (hash key split on its last underscore). */
    public static PayloadId fromKey(String collectionsWorkflow, String itemIds) {
        int at = collectionsWorkflow.lastIndexOf('_');
        if (at <= 0 || at == collectionsWorkflow.length() - 1) {
            throw new IllegalArgumentException(
                    "Invalid state key: '"
                            + collectionsWorkflow
                            + "' is not <collections>_<workflow>");
        }
        return new PayloadId(
                collectionsWorkflow.substring(0, at),
                collectionsWorkflow.substring(at + 1),
                itemIds);
    }

    /** The state-store hash key {@code <collections>_<workflow>}. */
    public String collectionsWorkflow() {
        return collections + "_" + workflow;
    }

    @Override
    public String toString() {
        String base = collections + MARKER + workflow;
        return itemIds.isEmpty() ? base : base + "/" + itemIds;
    }
}
