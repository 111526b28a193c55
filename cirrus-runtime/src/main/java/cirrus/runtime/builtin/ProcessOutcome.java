package cirrus.runtime.builtin;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import cirrus.runtime.payload.PayloadId;

/**
 * What one invocation of the process function did.
 *
 * @param started payloads whose workflow this invocation started
 * @param skipped payloads left alone because of their state (or started by someone else)
 * @param dropped duplicates of a payload earlier in the same batch
 * @param failed payloads marked FAILED because their workflow does not exist, or INVALID because
 *     their id or input cannot be stored (not retried)
 * @param processedSqsRecords SQS records of started/skipped/dropped/failed payloads; when {@link
 *     #hasFailures()}, the caller deletes them so that only the failed records are redelivered
 * @param failedRecords records that were not processed and must be redelivered (bad JSON, invalid
 *     payloads, transient start errors)
 */
public record ProcessOutcome(
        List<PayloadId> started,
        List<PayloadId> skipped,
        List<PayloadId> dropped,
        List<PayloadId> failed,
        List<JsonNode> processedSqsRecords,
        List<JsonNode> failedRecords) {
    /** The error message cirrus raises so that the failed records are retried. */
    public static final String FAILURE_MESSAGE = "One or more payloads failed to process";

    public ProcessOutcome {
        started = List.copyOf(started);
        skipped = List.copyOf(skipped);
        dropped = List.copyOf(dropped);
        failed = List.copyOf(failed);
        processedSqsRecords = List.copyOf(processedSqsRecords);
        failedRecords = List.copyOf(failedRecords);
    }

    /** Some records must be redelivered: the invocation fails after deleting the processed ones. */
    public boolean hasFailures() {
        return !failedRecords.isEmpty();
    }
}
