package cirrus.runtime.operate;

import java.util.List;

import cirrus.runtime.payload.PayloadId;

/**
 * What a rerun found and did.
 *
 * @param matched the payloads the filter selected, in listing order
 * @param sent whether they were sent to the process queue (false for a dry run)
 */
public record RerunResult(List<PayloadId> matched, boolean sent) {
    public RerunResult {
        matched = List.copyOf(matched);
    }
}
