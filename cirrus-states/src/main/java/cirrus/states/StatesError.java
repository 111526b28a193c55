package cirrus.states;

import java.util.Objects;

/**
 * An error as Step Functions reports it: an error name (e.g. {@code States.Timeout} or a name
 * reported by a task) and a human-readable cause.
 *
 * @param error the error name; names starting with {@code States.} are reserved for the interpreter
 * @param cause the cause text, possibly empty, never null
 * @see <a href="https://states-language.net/spec.html#error-names">Error names</a>
 */
public record StatesError(String error, String cause) {
    public StatesError {
        Objects.requireNonNull(error, "error");
        cause = cause == null ? "" : cause;
    }

    /** Shorthand for {@code new StatesError(error, cause)}. */
    public static StatesError of(String error, String cause) {
        return new StatesError(error, cause);
    }
}
