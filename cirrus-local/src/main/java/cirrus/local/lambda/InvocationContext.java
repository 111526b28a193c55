package cirrus.local.lambda;

import java.time.Instant;
import java.util.Objects;

import cirrus.local.model.LocalFunction;

/**
 * What a handler learns about its invocation (the Lambda context object).
 *
 * @param function the function
 * @param requestId the invocation's request id
 * @param deadline when the invocation times out
 * @param logGroup {@code /aws/lambda/<function name>}
 * @param logStream the invocation's log stream
 */
public record InvocationContext(
        LocalFunction function,
        String requestId,
        Instant deadline,
        String logGroup,
        String logStream) {
    public InvocationContext {
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(logGroup, "logGroup");
        Objects.requireNonNull(logStream, "logStream");
    }

    /** Milliseconds left before the timeout. */
    public long remainingMillis() {
        return Math.max(0, deadline.toEpochMilli() - System.currentTimeMillis());
    }
}
