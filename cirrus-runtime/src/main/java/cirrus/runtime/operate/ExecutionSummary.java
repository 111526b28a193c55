package cirrus.runtime.operate;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One execution, DescribeExecution-like.
 *
 * @param arn the execution ARN
 * @param status running or how it ended; {@link ExecutionStatus#UNKNOWN} when not known
 * @param startTime when it started (empty when unknown)
 * @param stopTime when it ended
 * @param error the error name of a failed execution
 * @param cause the error cause of a failed execution
 */
public record ExecutionSummary(
        String arn,
        ExecutionStatus status,
        Optional<Instant> startTime,
        Optional<Instant> stopTime,
        Optional<String> error,
        Optional<String> cause) {
    public ExecutionSummary {
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(startTime, "startTime");
        Objects.requireNonNull(stopTime, "stopTime");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(cause, "cause");
    }

    /** An execution the service does not know. */
    public static ExecutionSummary unknown(String arn) {
        return new ExecutionSummary(
                arn,
                ExecutionStatus.UNKNOWN,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    /** The execution name: the last {@code :}-separated part of the ARN. */
    public String name() {
        return arn.substring(arn.lastIndexOf(':') + 1);
    }

    /** The state machine name: the part before the name in an execution ARN. */
    public String stateMachine() {
        String[] parts = arn.split(":");
        return parts.length >= 8 ? parts[6] : "";
    }
}
