package cirrus.plan;

import java.util.Locale;

/**
 * How dangerous a planned change is for a live pipeline. A plan with any {@link #BREAKING} finding
 * makes {@code cirrus plan} exit with status 3.
 */
public enum Risk {
    /** Safe to deploy; worth knowing. */
    INFO,
    /** Deployable, but something is not applied, is unverified or needs care. */
    WARNING,
    /** Breaks running jobs or in-flight executions, or makes the deploy fail. */
    BREAKING;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Risk max(Risk other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
