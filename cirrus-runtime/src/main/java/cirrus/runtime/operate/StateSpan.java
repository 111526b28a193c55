package cirrus.runtime.operate;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One state's run in an execution: entered, exited (or still running), how it ended.
 *
 * @param name the state name
 * @param type the state type as the history names it ({@code Task}, {@code Choice}, {@code Map} …)
 * @param entered when the state was entered
 * @param exited when it was exited; empty while it runs or when the execution ended inside it
 * @param status how the state ended
 * @param error the error of a failed state
 * @param cause the cause of a failed state
 */
public record StateSpan(
        String name,
        String type,
        Instant entered,
        Optional<Instant> exited,
        Status status,
        Optional<String> error,
        Optional<String> cause) {
    /** How a state's run ended. */
    public enum Status {
        RUNNING,
        SUCCEEDED,
        FAILED,
        /** A task failed or timed out and the state moved on through a Catch or Retry. */
        CAUGHT
    }

    public StateSpan {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(entered, "entered");
        Objects.requireNonNull(exited, "exited");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(cause, "cause");
    }

    /** How long the state ran (until {@code until} while it runs). */
    public Duration duration(Instant until) {
        return Duration.between(entered, exited.orElse(until));
    }
}
