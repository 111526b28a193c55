package cirrus.runtime.builtin;

import java.util.Objects;

/**
 * The error and cause of a failed workflow execution (Step Functions {@code Error}/{@code Cause}).
 *
 * @param error the error name, e.g. {@code InvalidInput}
 * @param cause the cause text (often JSON with {@code errorMessage})
 */
public record ExecutionError(String error, String cause) {
    /** What update-state reports when it cannot find the error (cirrus v0.15.4 wording). */
    public static final ExecutionError UNKNOWN =
            new ExecutionError(
                    "Unknown", "update-state failed to find a specific error condition.");

    /** What update-state reports for a timed-out execution. */
    public static final ExecutionError TIMED_OUT =
            new ExecutionError("TimedOutError", "The step function execution timed out.");

    public ExecutionError {
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(cause, "cause");
    }
}
