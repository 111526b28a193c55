package cirrus.aws.deploy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One CloudFormation stack event, and how to find the failure that broke a stack operation.
 *
 * @param time when it happened
 * @param logicalId the resource (the stack's own name for stack events)
 * @param type the resource type ({@code AWS::CloudFormation::Stack} for the stack itself)
 * @param status e.g. {@code CREATE_FAILED}
 * @param reason the status reason, or empty
 */
public record StackEvent(
        Instant time, String logicalId, String type, String status, String reason) {
    private static final String STACK = "AWS::CloudFormation::Stack";

    public StackEvent {
        reason = reason == null ? "" : reason;
    }

    /** Whether this event reports a failure of a resource (not of the stack as a whole). */
    public boolean isResourceFailure() {
        return status.endsWith("_FAILED") && !STACK.equals(type);
    }

    /**
     * Whether the resource failed only because another one did (CloudFormation cancels the rest).
     */
    boolean isCancellation() {
        return reason.contains("cancelled") || reason.contains("canceled");
    }

    /**
     * The failure that broke the operation: among {@code events} (oldest first), the first failed
     * resource that was not just cancelled, else the first failed resource, else the stack's own
     * failure event.
     */
    public static Optional<StackEvent> firstFailure(List<StackEvent> events) {
        Optional<StackEvent> cause =
                events.stream()
                        .filter(e -> e.isResourceFailure() && !e.isCancellation())
                        .findFirst();
        if (cause.isPresent()) {
            return cause;
        }
        return events.stream()
                .filter(StackEvent::isResourceFailure)
                .findFirst()
                .or(
                        () ->
                                events.stream()
                                        .filter(
                                                e ->
                                                        e.status().endsWith("_FAILED")
                                                                || e.status().contains("ROLLBACK"))
                                        .filter(e -> !e.reason().isEmpty())
                                        .findFirst());
    }

    /** {@code ProcessQueue (AWS::SQS::Queue) CREATE_FAILED: reason}. */
    public String describe() {
        return logicalId + " (" + type + ") " + status + (reason.isEmpty() ? "" : ": " + reason);
    }
}
