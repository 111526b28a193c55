package cirrus.local.batch;

import java.util.Locale;

/** What an {@link EvaluateOnExit} rule does when it matches. */
public enum RetryAction {
    /** Move the job back to RUNNABLE for another attempt (if attempts remain). */
    RETRY,
    /** Fail the job now. */
    EXIT;

    /** Parses {@code RETRY}/{@code EXIT}, case-insensitively like AWS. */
    public static RetryAction parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "Action must be RETRY or EXIT (case-insensitive), got '" + value + "'");
        }
    }
}
