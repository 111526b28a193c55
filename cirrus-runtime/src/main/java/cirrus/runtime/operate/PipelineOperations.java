package cirrus.runtime.operate;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import cirrus.runtime.payload.PayloadId;
import cirrus.runtime.port.StateRecord;

/**
 * What an operator looks at in a pipeline, and the one action they take (rerun). Implemented over
 * the local engine (SQLite, local logs) and over a deployed stack (DynamoDB, Step Functions, Batch,
 * CloudWatch Logs); both pass the same contract tests.
 *
 * <p>Failures: {@link OperateException} with a stable {@link OperateException.Code} for what the
 * user can fix (unknown payload, expired execution, bad filter); {@link
 * cirrus.runtime.port.StoreException} when the backing service fails.
 */
public interface PipelineOperations {
    /**
     * The payload's state item with its executions (oldest first) and links.
     *
     * @throws OperateException {@code PAYLOAD_NOT_FOUND} when the payload has no state item
     */
    PayloadStatus status(PayloadId id);

    /**
     * Counts by state for each workflow ({@code collections_workflow} key) that the filter selects;
     * {@code since} counts only items whose state changed within it, {@code limit} caps each count
     * (reported as {@code n+}). Ordered by collections, then workflow.
     */
    List<WorkflowCounts> counts(PayloadFilter filter);

    /**
     * The items matching the filter, newest state change first, at most {@code filter.limit()} (all
     * when unlimited), read page by page.
     */
    List<StateRecord> list(PayloadFilter filter);

    /**
     * One execution's status, or empty when the service does not know it (never started, or its
     * history has expired: Step Functions keeps 90 days).
     */
    Optional<ExecutionSummary> execution(String executionArn);

    /**
     * The execution's history with the timeline of its states.
     *
     * @throws OperateException {@code EXECUTION_NOT_FOUND} when the execution is unknown or expired
     */
    ExecutionTimeline timeline(String executionArn);

    /** A Batch job's status, or empty when Batch does not know it (jobs expire after ~7 days). */
    Optional<BatchJobStatus> batchJob(String jobId);

    /** The last {@code maxLines} log lines of a Batch job's (latest attempt's) log stream. */
    List<LogLine> batchLog(String jobId, int maxLines);

    /**
     * The Lambda and Batch log lines of one execution, in time order: for each task of its history,
     * the lines its function or job wrote while the task ran.
     *
     * @param task only the tasks whose state name is this
     * @throws OperateException {@code EXECUTION_NOT_FOUND} when the execution is unknown or expired
     */
    List<LogLine> executionLogs(String executionArn, Optional<String> task);

    /**
     * Sends the payloads the filter selects back to the process queue (as {@code feed-rerun} does:
     * {@code {"url": "s3://<payload bucket>/<id>/input.json"}}); with {@code dryRun} only finds
     * them.
     *
     * @throws OperateException {@code BAD_FILTER} when the filter names no workflow
     */
    RerunResult rerun(PayloadFilter filter, boolean dryRun);

    /**
     * The Amazon States Language definition an execution ran (to draw it), or empty when unknown.
     */
    default Optional<JsonNode> definition(String executionArn) {
        return Optional.empty();
    }

    /**
     * The Batch queues, compute environments (vCPUs in use against {@code MaxvCpus}) and latest
     * jobs, at most {@code jobsPerStatus} of each queue and status.
     */
    default BatchOverview batchOverview(int jobsPerStatus) {
        return BatchOverview.empty();
    }

    /**
     * Sends these payloads (each must have a state item) back to the process queue, as {@link
     * #rerun(PayloadFilter, boolean)} does for the items a filter selects.
     *
     * @throws OperateException {@code PAYLOAD_NOT_FOUND} when one has no state item
     */
    default RerunResult rerun(List<PayloadId> ids) {
        throw new UnsupportedOperationException("this backend cannot rerun single payloads");
    }
}
