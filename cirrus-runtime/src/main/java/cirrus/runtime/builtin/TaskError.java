package cirrus.runtime.builtin;

import java.util.Objects;

/**
 * A builtin task or function failed. {@link #errorType()} is the error name the workflow sees (the
 * Python exception class name in cirrus: {@code Exception}, or the type parsed from a Batch log,
 * e.g. {@code InvalidInput}), so that {@code Retry}/{@code Catch} and update-state match on it.
 */
public class TaskError extends RuntimeException {
    /** The error name of a plain failure. */
    public static final String GENERIC = "Exception";

    private final String errorType;

    public TaskError(String errorType, String message) {
        super(message);
        this.errorType = Objects.requireNonNull(errorType, "errorType");
    }

    public TaskError(String errorType, String message, Throwable cause) {
        super(message, cause);
        this.errorType = Objects.requireNonNull(errorType, "errorType");
    }

    /** The error name ({@code States} {@code Error} field). */
    public String errorType() {
        return errorType;
    }
}
