package cirrus.runtime.port;

/**
 * The number of items matching a query, possibly capped: printed as {@code "15+"} when more than
 * the limit matched (the cirrus v0.15.4 {@code get_counts} form).
 *
 * @param count the number counted (the limit when capped)
 * @param capped more than {@code count} items match
 */
public record StateCount(long count, boolean capped) {
    public StateCount {
        if (count < 0) {
            throw new IllegalArgumentException("count < 0");
        }
    }

    @Override
    public String toString() {
        return capped ? count + "+" : Long.toString(count);
    }
}
