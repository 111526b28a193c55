package cirrus.runtime.port;

/**
 * The order of a {@link StateQuery} without state or {@code since}: the cirrus v0.15.4 {@code
 * sort_index} values ({@code updated} GSI, {@code state_updated} GSI or the table itself, ordered
 * by item ids).
 */
public enum SortIndex {
    UPDATED("updated"),
    STATE_UPDATED("state_updated"),
    DEFAULT("default");

    private final String wireName;

    SortIndex(String wireName) {
        this.wireName = wireName;
    }

    /** The name used by the cirrus API and DynamoDB index names. */
    public String wireName() {
        return wireName;
    }

    /**
     * Parses an API {@code sort_index} value.
     *
     * @throws IllegalArgumentException for unknown names
     */
    public static SortIndex ofWireName(String name) {
        for (SortIndex index : values()) {
            if (index.wireName.equals(name)) {
                return index;
            }
        }
        throw new IllegalArgumentException(
                "unknown sort_index '" + name + "' (expected updated, state_updated or default)");
    }
}
