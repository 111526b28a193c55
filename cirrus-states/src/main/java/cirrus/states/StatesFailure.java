package cirrus.states;

/**
 * Thrown while evaluating a path, payload template, intrinsic function or choice rule when the data
 * does not allow it; the interpreter turns it into a state failure carrying {@link #error()}. It
 * never escapes the interpreter's public API. It has no stack trace: it is control flow, not a bug
 * report.
 */
public final class StatesFailure extends RuntimeException {
    private final transient StatesError error;

    public StatesFailure(String errorName, String cause) {
        super(errorName + ": " + cause, null, false, false);
        this.error = new StatesError(errorName, cause);
    }

    /** The error the failed state reports. */
    public StatesError error() {
        return error;
    }
}
