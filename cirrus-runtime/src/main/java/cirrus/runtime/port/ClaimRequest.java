package cirrus.runtime.port;

import java.util.Objects;

import cirrus.runtime.payload.PayloadId;

/**
 * A request to claim a payload for one planned workflow execution.
 *
 * <p>The claim succeeds only when the payload is not in flight (neither {@code CLAIMED} nor {@code
 * PROCESSING}) <em>and</em> still has exactly {@code expectedExecutions} executions, i.e. nobody
 * ran it since the caller read it and derived {@code executionArn} from its history.
 *
 * @param id the payload
 * @param executionArn the planned execution ARN (deterministic name), appended to {@code
 *     executions}
 * @param expectedExecutions the number of executions the caller saw (0 for a new payload)
 */
public record ClaimRequest(PayloadId id, String executionArn, int expectedExecutions) {
    public ClaimRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(executionArn, "executionArn");
        if (expectedExecutions < 0) {
            throw new IllegalArgumentException("expectedExecutions < 0");
        }
    }
}
