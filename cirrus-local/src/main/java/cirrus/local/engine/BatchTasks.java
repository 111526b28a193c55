package cirrus.local.engine;

import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cirrus.local.batch.BatchClientException;
import cirrus.local.batch.BatchEmulator;
import cirrus.local.batch.BlockedJob;
import cirrus.local.batch.Job;
import cirrus.local.batch.JobJson;
import cirrus.local.batch.JobListener;
import cirrus.local.batch.JobStatus;
import cirrus.local.batch.SubmitJobRequest;
import cirrus.local.batch.SubmitJobResult;
import cirrus.runtime.json.Json;
import cirrus.states.ErrorNames;
import cirrus.states.run.Event;
import cirrus.states.run.TaskRequest;

/**
 * Task states whose resource is the Batch integration: {@code arn:aws:states:::batch:submitJob}
 * (succeeds with the job's ids once submitted) and {@code ...:submitJob.sync} (waits for the job;
 * succeeds with its DescribeJobs detail in Step Functions' PascalCase, or fails with {@code
 * States.TaskFailed} and that detail as cause, which post-batch reads). Each job is tagged with its
 * execution and task token and recorded with the task, so a restarted engine waits for the job it
 * already submitted instead of submitting another. A job that can never fit its compute
 * environments is cancelled with the emulator's reason instead of waiting forever.
 */
final class BatchTasks implements JobListener {
    static final String SUBMIT = "arn:aws:states:::batch:submitJob";
    static final String SUBMIT_SYNC = "arn:aws:states:::batch:submitJob.sync";
    static final String TAG = "cirrus:task";

    private record Wait(String executionArn, String token) {}

    private final Optional<BatchEmulator> emulator;
    private final ExecutionStore store;
    private final BiConsumer<String, Event> results;
    private final Executor async;
    private final Map<String, Wait> waits = new ConcurrentHashMap<>();
    private final Map<String, String> jobsByTask = new ConcurrentHashMap<>();

    BatchTasks(
            Optional<BatchEmulator> emulator,
            ExecutionStore store,
            BiConsumer<String, Event> results,
            Executor async) {
        this.emulator = emulator;
        this.store = store;
        this.results = results;
        this.async = async;
        emulator.ifPresent(e -> e.addListener(this));
    }

    static boolean handles(String resource) {
        return resource.equals(SUBMIT) || resource.equals(SUBMIT_SYNC);
    }

    /**
     * Submits the job of a task, or, for a task recovered after a restart, waits for the job it
     * submitted before ({@code knownJobId}, or found by its tag when the crash came between the
     * submission and its record).
     */
    void start(
            String executionArn,
            TaskRequest request,
            Optional<String> knownJobId,
            boolean recovered) {
        if (emulator.isEmpty()) {
            results.accept(
                    executionArn,
                    new Event.TaskFailed(
                            request.token(),
                            "Batch.ClientException",
                            "the project has no Batch resources (no AWS::Batch::JobQueue)"));
            return;
        }
        BatchEmulator batch = emulator.get();
        String taskKey = executionArn + "#" + request.token();
        Optional<String> existing =
                recovered
                        ? knownJobId.or(() -> findTagged(batch, request, taskKey))
                        : Optional.empty();
        String jobId;
        if (existing.isPresent()) {
            jobId = existing.get();
        } else {
            try {
                SubmitJobRequest submit = submitRequest(request, taskKey);
                SubmitJobResult submitted = batch.submitJob(submit);
                jobId = submitted.jobId();
                store.recordJob(executionArn, request.token(), jobId);
                if (request.resource().equals(SUBMIT)) {
                    ObjectNode out = JsonNodeFactory.instance.objectNode();
                    out.put("JobArn", submitted.jobArn());
                    out.put("JobId", submitted.jobId());
                    out.put("JobName", submitted.jobName());
                    results.accept(executionArn, new Event.TaskSucceeded(request.token(), out));
                    return;
                }
            } catch (BatchClientException | IllegalArgumentException e) {
                results.accept(
                        executionArn,
                        new Event.TaskFailed(
                                request.token(), "Batch.ClientException", e.getMessage()));
                return;
            }
        }
        if (request.resource().equals(SUBMIT)) {
            Job job = batch.job(jobId).orElseThrow();
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            out.put("JobArn", job.jobArn());
            out.put("JobId", job.jobId());
            out.put("JobName", job.jobName());
            results.accept(executionArn, new Event.TaskSucceeded(request.token(), out));
            return;
        }
        waits.put(jobId, new Wait(executionArn, request.token()));
        jobsByTask.put(taskKey, jobId);
        batch.job(jobId).ifPresent(this::jobChanged);
        // the emulator may have found the job blocked before it was registered here
        for (BlockedJob blocked : batch.blockedJobs()) {
            if (blocked.jobId().equals(jobId)) {
                jobBlocked(blocked);
            }
        }
    }

    /** Stops the job of a cancelled task. */
    void cancel(String executionArn, String token) {
        String jobId = jobsByTask.remove(executionArn + "#" + token);
        if (jobId != null && waits.remove(jobId) != null) {
            emulator.ifPresent(
                    b -> async.execute(() -> terminate(b, jobId, "Cancelled by the workflow")));
        }
    }

    private static void terminate(BatchEmulator batch, String jobId, String reason) {
        try {
            batch.terminateJob(jobId, reason);
        } catch (BatchClientException e) {
            // the job ended meanwhile
        }
    }

    @Override
    public void jobChanged(Job job) {
        if (!job.status().isTerminal()) {
            return;
        }
        Wait wait = waits.remove(job.jobId());
        if (wait == null) {
            return;
        }
        jobsByTask.remove(wait.executionArn() + "#" + wait.token());
        ObjectNode detail = JobJson.stepFunctions(JobJson.detail(job));
        Event event =
                job.status() == JobStatus.SUCCEEDED
                        ? new Event.TaskSucceeded(wait.token(), detail)
                        : new Event.TaskFailed(
                                wait.token(), ErrorNames.TASK_FAILED, JobJson.text(detail));
        results.accept(wait.executionArn(), event);
    }

    @Override
    public void jobBlocked(BlockedJob blocked) {
        if (!waits.containsKey(blocked.jobId())) {
            return;
        }
        String reason =
                "Job can never run: "
                        + blocked.statusReason()
                        + " (raise MaxvCpus of the queue's compute environments or lower the job's"
                        + " vCPUs/memory)";
        emulator.ifPresent(
                b ->
                        async.execute(
                                () -> {
                                    try {
                                        b.cancelJob(blocked.jobId(), reason);
                                    } catch (BatchClientException e) {
                                        terminate(b, blocked.jobId(), reason);
                                    }
                                }));
    }

    private static SubmitJobRequest submitRequest(TaskRequest request, String taskKey) {
        @SuppressWarnings("unchecked")
        Map<String, Object> tree = Json.MAPPER.convertValue(request.input(), Map.class);
        SubmitJobRequest parsed = SubmitJobRequest.fromJson(tree);
        Map<String, String> tags = new java.util.LinkedHashMap<>(parsed.tags());
        tags.put(TAG, taskKey);
        return new SubmitJobRequest(
                parsed.jobName(),
                parsed.jobQueue(),
                parsed.jobDefinition(),
                parsed.parameters(),
                parsed.containerOverrides(),
                parsed.retryStrategy(),
                parsed.timeoutSeconds(),
                tags);
    }

    /** The job submitted for this task before a restart, found by its tag. */
    private static Optional<String> findTagged(
            BatchEmulator batch, TaskRequest request, String taskKey) {
        JsonNode queue = request.input().path("JobQueue");
        if (!queue.isTextual()) {
            return Optional.empty();
        }
        for (JobStatus status : EnumSet.allOf(JobStatus.class)) {
            try {
                for (Job job : batch.listJobs(queue.textValue(), status)) {
                    if (taskKey.equals(job.tags().get(TAG))) {
                        return Optional.of(job.jobId());
                    }
                }
            } catch (BatchClientException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
