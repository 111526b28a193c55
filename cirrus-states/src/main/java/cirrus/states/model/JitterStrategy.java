package cirrus.states.model;

/** A Retrier's {@code JitterStrategy}: {@code NONE} (default) or {@code FULL}. */
public enum JitterStrategy {
    /** Wait exactly the computed interval. */
    NONE,
    /** Wait a uniformly random time between zero and the computed interval. */
    FULL
}
