package cirrus.runtime.operate;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

import com.fasterxml.jackson.databind.JsonNode;

import cirrus.runtime.json.Json;
import cirrus.runtime.payload.PayloadId;
import cirrus.runtime.port.LogReader;
import cirrus.runtime.port.StateCount;
import cirrus.runtime.port.StatePage;
import cirrus.runtime.port.StateQuery;
import cirrus.runtime.port.StateRecord;
import cirrus.runtime.port.StateStore;
import cirrus.runtime.port.WorkflowState;

/**
 * {@link PipelineOperations} over a {@link StateStore} and the sources of one backend. Everything
 * but the sources is shared by the local and the AWS adapter, so both behave the same.
 */
public final class StoreOperations implements PipelineOperations {
    /** Items read per state-store page by default. */
    public static final int PAGE = 500;

    /** Lines of one task's logs at most. */
    static final int MAX_TASK_LINES = 10_000;

    private final StateStore states;
    private final Sources sources;
    private final String payloadBucket;
    private final String executionLink;
    private final Clock clock;
    private final int pageSize;

    /**
     * The sources of one backend.
     *
     * @param keys the {@code collections_workflow} keys with items
     * @param executions executions and histories
     * @param jobs Batch jobs
     * @param logs log events
     * @param processQueue the process queue reruns go to
     */
    public record Sources(
            StateKeys keys,
            ExecutionSource executions,
            BatchJobSource jobs,
            LogSource logs,
            Resubmitter processQueue) {
        public Sources {
            Objects.requireNonNull(keys, "keys");
            Objects.requireNonNull(executions, "executions");
            Objects.requireNonNull(jobs, "jobs");
            Objects.requireNonNull(logs, "logs");
            Objects.requireNonNull(processQueue, "processQueue");
        }
    }

    /**
     * @param payloadBucket the bucket of payload inputs ({@code <id>/input.json})
     * @param executionLink where to look at an execution, {@code %s} standing for its ARN
     */
    public StoreOperations(
            StateStore states,
            Sources sources,
            String payloadBucket,
            String executionLink,
            Clock clock) {
        this(states, sources, payloadBucket, executionLink, clock, PAGE);
    }

    /** The operations reading {@code pageSize} items per state-store request. */
    public StoreOperations(
            StateStore states,
            Sources sources,
            String payloadBucket,
            String executionLink,
            Clock clock,
            int pageSize) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be at least 1");
        }
        this.pageSize = pageSize;
        this.states = Objects.requireNonNull(states, "states");
        this.sources = Objects.requireNonNull(sources, "sources");
        this.payloadBucket = Objects.requireNonNull(payloadBucket, "payloadBucket");
        this.executionLink = Objects.requireNonNull(executionLink, "executionLink");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public PayloadStatus status(PayloadId id) {
        StateRecord item =
                states.get(id)
                        .orElseThrow(
                                () ->
                                        new OperateException(
                                                OperateException.Code.PAYLOAD_NOT_FOUND,
                                                "no payload " + id + " in the state table",
                                                "check the id with `cirrus payload list"
                                                        + " --workflow "
                                                        + id.workflow()
                                                        + "`"));
        List<ExecutionSummary> executions = new ArrayList<>();
        for (String arn : item.executions()) {
            executions.add(
                    sources.executions()
                            .describe(arn)
                            .orElseGet(() -> ExecutionSummary.unknown(arn)));
        }
        return new PayloadStatus(item, executions, inputUrl(id), executionLink);
    }

    private String inputUrl(PayloadId id) {
        return "s3://" + payloadBucket + "/" + id + "/input.json";
    }

    @Override
    public List<WorkflowCounts> counts(PayloadFilter filter) {
        List<WorkflowCounts> result = new ArrayList<>();
        OptionalLong cap =
                filter.limit().isPresent()
                        ? OptionalLong.of(filter.limit().getAsInt())
                        : OptionalLong.empty();
        for (String key : sources.keys().keys(filter)) {
            Map<WorkflowState, StateCount> counts = new EnumMap<>(WorkflowState.class);
            for (WorkflowState state : filter.state().map(List::of).orElse(states())) {
                counts.put(state, states.count(query(key, filter).withState(state), cap));
            }
            int at = key.lastIndexOf('_');
            result.add(
                    new WorkflowCounts(
                            at < 0 ? "" : key.substring(0, at), key.substring(at + 1), counts));
        }
        return result;
    }

    private static List<WorkflowState> states() {
        return List.of(WorkflowState.values());
    }

    @Override
    public List<StateRecord> list(PayloadFilter filter) {
        int limit = filter.limit().orElse(Integer.MAX_VALUE);
        List<StateRecord> all = new ArrayList<>();
        for (String key : sources.keys().keys(filter)) {
            StateQuery query = query(key, filter);
            Optional<PayloadId> next = Optional.empty();
            int read = 0;
            do {
                StatePage page = states.query(query, Math.min(pageSize, limit - read), next);
                all.addAll(page.items());
                read += page.items().size();
                next = page.nextKey();
            } while (next.isPresent() && read < limit);
        }
        Comparator<StateRecord> newestFirst =
                filter.state().isPresent()
                        ? Comparator.comparing(StateRecord::stateUpdated).reversed()
                        : Comparator.comparing(StateRecord::updated).reversed();
        all.sort(newestFirst.thenComparing(r -> r.id().toString()));
        return all.size() <= limit ? all : List.copyOf(all.subList(0, limit));
    }

    private static StateQuery query(String key, PayloadFilter filter) {
        StateQuery q = StateQuery.of(key);
        if (filter.state().isPresent()) {
            q = q.withState(filter.state().get());
        }
        if (filter.since().isPresent()) {
            q = q.withSince(filter.since().get());
        }
        if (filter.errorBeginsWith().isPresent()) {
            q = q.withErrorBeginsWith(filter.errorBeginsWith().get());
        }
        return q;
    }

    @Override
    public Optional<ExecutionSummary> execution(String executionArn) {
        return sources.executions().describe(executionArn);
    }

    @Override
    public ExecutionTimeline timeline(String executionArn) {
        ExecutionSummary execution =
                execution(executionArn).orElseThrow(() -> executionNotFound(executionArn));
        List<HistoryEvent> events =
                sources.executions()
                        .history(executionArn)
                        .orElseThrow(() -> executionNotFound(executionArn));
        return new ExecutionTimeline(execution, events, Timelines.of(events));
    }

    static OperateException executionNotFound(String arn) {
        return new OperateException(
                OperateException.Code.EXECUTION_NOT_FOUND,
                "no execution " + arn,
                "Step Functions keeps the history of an ended execution for 90 days; the state"
                        + " item still has its last error (`cirrus payload status`)");
    }

    @Override
    public Optional<BatchJobStatus> batchJob(String jobId) {
        return sources.jobs().describe(jobId);
    }

    @Override
    public Optional<JsonNode> definition(String executionArn) {
        return sources.executions().definition(executionArn);
    }

    @Override
    public BatchOverview batchOverview(int jobsPerStatus) {
        return sources.jobs().overview(jobsPerStatus);
    }

    @Override
    public List<LogLine> batchLog(String jobId, int maxLines) {
        BatchJobStatus job =
                batchJob(jobId)
                        .orElseThrow(
                                () ->
                                        new OperateException(
                                                OperateException.Code.BATCH_JOB_NOT_FOUND,
                                                "no Batch job " + jobId,
                                                "Batch forgets ended jobs after about 7 days"));
        return job.logStream()
                .map(s -> sources.logs().tail(LogReader.BATCH_LOG_GROUP, s, maxLines))
                .orElse(List.of());
    }

    @Override
    public List<LogLine> executionLogs(String executionArn, Optional<String> task) {
        ExecutionTimeline timeline = timeline(executionArn);
        List<LogLine> lines = new ArrayList<>();
        for (TaskRun run : TaskRun.of(timeline.events(), clock.instant())) {
            if (task.isPresent() && !task.get().equals(run.state())) {
                continue;
            }
            List<LogLine> found = new ArrayList<>();
            run.function()
                    .ifPresent(
                            fn ->
                                    found.addAll(
                                            sources.logs()
                                                    .between(
                                                            "/aws/lambda/" + fn,
                                                            run.from(),
                                                            run.to(),
                                                            MAX_TASK_LINES)));
            run.jobId()
                    .flatMap(sources.jobs()::describe)
                    .flatMap(BatchJobStatus::logStream)
                    .ifPresent(
                            s ->
                                    found.addAll(
                                            sources.logs()
                                                    .tail(
                                                            LogReader.BATCH_LOG_GROUP,
                                                            s,
                                                            MAX_TASK_LINES)));
            found.forEach(l -> lines.add(l.forTask(run.state())));
        }
        lines.sort(LogLine.BY_TIME);
        return lines;
    }

    @Override
    public RerunResult rerun(PayloadFilter filter, boolean dryRun) {
        if (filter.workflow().isEmpty() && filter.state().isEmpty()) {
            throw new OperateException(
                    OperateException.Code.BAD_FILTER,
                    "a rerun needs --workflow or --state",
                    "e.g. `cirrus payload rerun --state FAILED --since 24h --dry-run`");
        }
        List<StateRecord> items = list(filter);
        List<PayloadId> ids = items.stream().map(StateRecord::id).toList();
        if (!dryRun && !ids.isEmpty()) {
            List<String> messages = new ArrayList<>();
            for (PayloadId id : ids) {
                messages.add(Json.write(Json.MAPPER.createObjectNode().put("url", inputUrl(id))));
            }
            sources.processQueue().send(messages);
        }
        return new RerunResult(ids, !dryRun && !ids.isEmpty());
    }

    @Override
    public RerunResult rerun(List<PayloadId> ids) {
        ids.forEach(this::status);
        if (!ids.isEmpty()) {
            sources.processQueue()
                    .send(
                            ids.stream()
                                    .map(
                                            id ->
                                                    Json.write(
                                                            Json.MAPPER
                                                                    .createObjectNode()
                                                                    .put("url", inputUrl(id))))
                                    .toList());
        }
        return new RerunResult(List.copyOf(ids), !ids.isEmpty());
    }
}
