package cirrus.local.batch;

import java.util.Objects;

/**
 * One problem found while reading Batch resources: a stable code, the property path inside the
 * resources tree (e.g. {@code Resources.MyQueue.Properties.Priority}) and a message that says how
 * to fix it.
 */
public record BatchProblem(BatchCode code, String path, String message) {
    public BatchProblem {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }

    /** One line: {@code <path>: error[<code>] <message>}. */
    @Override
    public String toString() {
        return path + ": error[" + code.code() + "] " + message;
    }
}
