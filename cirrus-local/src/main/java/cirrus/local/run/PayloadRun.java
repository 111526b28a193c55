package cirrus.local.run;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cirrus.local.batch.Job;
import cirrus.local.batch.JobAttempt;
import cirrus.local.batch.JobStatus;
import cirrus.local.engine.ExecutionRecord;
import cirrus.local.engine.LocalEngine;
import cirrus.local.model.LocalResource;
import cirrus.local.model.ResourceKind;
import cirrus.runtime.payload.InvalidPayloadException;
import cirrus.runtime.payload.PayloadId;
import cirrus.runtime.payload.ProcessPayload;
import cirrus.runtime.port.StateRecord;
import cirrus.runtime.port.WorkflowState;
import cirrus.states.run.ExecutionStatus;

/**
 * {@code cirrus run}: sends payloads to a running local engine's process queue and waits until each
 * has been processed — following chains, whose next payloads update-state sends — then reports per
 * payload its state, outputs, error and the Batch jobs it ran. A payload already COMPLETED or
 * INVALID is reported as skipped unless {@code replace} is set (which sets {@code process.replace},
 * as in cirrus).
 */
public final class PayloadRun {
    private static final String TAG = "cirrus:task";

    private final LocalEngine engine;
    private final Map<String, Watched> watched = new LinkedHashMap<>();
    private Consumer<PayloadResult> finished = r -> {};

    private static final class Watched {
        final PayloadId id;
        final Instant since;
        final Optional<String> chainedFrom;
        PayloadResult result;

        Watched(PayloadId id, Instant since, Optional<String> chainedFrom) {
            this.id = id;
            this.since = since;
            this.chainedFrom = chainedFrom;
        }
    }

    /**
     * Calls {@code listener} with each payload's result as soon as it is known (finished or
     * skipped), from the thread that called {@link #run}; returns this run.
     */
    public PayloadRun onFinished(Consumer<PayloadResult> listener) {
        this.finished = listener;
        return this;
    }

    public PayloadRun(LocalEngine engine) {
        this.engine = engine;
    }

    /**
     * Submits the payloads and waits for them.
     *
     * @param payloads valid process payloads
     * @param replace process payloads again even when COMPLETED or INVALID
     * @param timeout give up waiting after this long (empty: wait until done)
     * @param progress called about every {@code progressEvery} while waiting
     * @throws InvalidPayloadException when a payload is not a process payload (nothing is sent)
     */
    public List<PayloadResult> run(
            List<JsonNode> payloads,
            boolean replace,
            Optional<Duration> timeout,
            Duration progressEvery,
            Consumer<RunProgress> progress)
            throws InterruptedException {
        List<JsonNode> toSend = new ArrayList<>();
        List<PayloadId> ids = new ArrayList<>();
        for (JsonNode json : payloads) {
            ObjectNode copy = json.deepCopy();
            if (replace) {
                JsonNode process = copy.get("process");
                if (process != null
                        && process.isArray()
                        && process.size() > 0
                        && process.get(0).isObject()) {
                    ((ObjectNode) process.get(0)).put("replace", true);
                } else if (process != null && process.isObject()) {
                    ((ObjectNode) process).put("replace", true);
                }
            }
            ids.add(ProcessPayload.of(copy, true).payloadId());
            toSend.add(copy);
        }
        Instant now = Instant.now();
        List<JsonNode> submit = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            PayloadId id = ids.get(i);
            Optional<StateRecord> current = engine.states().get(id);
            if (!replace && current.isPresent() && current.get().state().needsReplaceToRerun()) {
                Watched w = new Watched(id, now, Optional.empty());
                w.result =
                        result(
                                w,
                                current.get(),
                                Optional.of(
                                        "already "
                                                + current.get().state()
                                                + " (run with --replace to process it again)"));
                if (watched.putIfAbsent(id.toString(), w) == null) {
                    finished.accept(w.result);
                }
                continue;
            }
            if (watched.putIfAbsent(id.toString(), new Watched(id, now, Optional.empty()))
                    == null) {
                submit.add(toSend.get(i));
            }
        }
        if (!submit.isEmpty()) {
            engine.submitAll(submit);
        }
        long deadline = timeout.map(t -> System.nanoTime() + t.toNanos()).orElse(Long.MAX_VALUE);
        long nextProgress = System.nanoTime() + progressEvery.toNanos();
        while (!allDone()) {
            if (System.nanoTime() > deadline) {
                break;
            }
            Thread.sleep(25);
            poll();
            if (System.nanoTime() > nextProgress) {
                progress.accept(progress());
                nextProgress = System.nanoTime() + progressEvery.toNanos();
            }
        }
        return results();
    }

    private boolean allDone() {
        return watched.values().stream().allMatch(w -> w.result != null);
    }

    private void poll() {
        for (Watched w : new ArrayList<>(watched.values())) {
            if (w.result != null) {
                continue;
            }
            Optional<StateRecord> record = engine.states().get(w.id);
            if (record.isEmpty()
                    || !record.get().state().isFinal()
                    || record.get().updated().isBefore(w.since)) {
                continue;
            }
            Optional<ExecutionRecord> last =
                    record.get().lastExecution().flatMap(arn -> engine.executions().get(arn));
            if (last.isPresent()
                    && (last.get().status() == ExecutionStatus.RUNNING || !last.get().reported())) {
                continue;
            }
            w.result = result(w, record.get(), Optional.empty());
            finished.accept(withJobs(w.result, jobsByExecution()));
            if (record.get().state() == WorkflowState.COMPLETED) {
                last.flatMap(ExecutionRecord::output)
                        .ifPresent(
                                output ->
                                        watchChain(
                                                w.id.toString(),
                                                output,
                                                last.get().stopTime().orElse(w.since)));
            }
        }
    }

    private void watchChain(String parent, JsonNode output, Instant since) {
        List<ObjectNode> next;
        try {
            next = ProcessPayload.of(output, false).nextPayloads();
        } catch (IllegalArgumentException e) {
            return;
        }
        for (ObjectNode n : next) {
            try {
                PayloadId id = ProcessPayload.of(n.deepCopy(), true).payloadId();
                watched.putIfAbsent(
                        id.toString(), new Watched(id, since.minusMillis(1), Optional.of(parent)));
            } catch (InvalidPayloadException e) {
                // update-state drops it too; nothing to wait for
            }
        }
    }

    private PayloadResult result(Watched w, StateRecord record, Optional<String> skipped) {
        List<String> executions =
                skipped.isPresent()
                        ? List.of()
                        : record.executions().stream()
                                .filter(
                                        arn ->
                                                engine.executions()
                                                        .get(arn)
                                                        .map(e -> !e.startTime().isBefore(w.since))
                                                        .orElse(true))
                                .toList();
        return new PayloadResult(
                w.id.toString(),
                Optional.of(record.state()),
                record.lastError(),
                record.outputs(),
                executions,
                List.of(),
                skipped,
                w.chainedFrom);
    }

    private List<PayloadResult> results() {
        Map<String, List<JobSummary>> jobs = jobsByExecution();
        List<PayloadResult> out = new ArrayList<>();
        for (Watched w : watched.values()) {
            PayloadResult r =
                    w.result != null
                            ? w.result
                            : new PayloadResult(
                                    w.id.toString(),
                                    Optional.empty(),
                                    Optional.empty(),
                                    List.of(),
                                    engine.states()
                                            .get(w.id)
                                            .map(StateRecord::executions)
                                            .orElse(List.of()),
                                    List.of(),
                                    Optional.empty(),
                                    w.chainedFrom);
            out.add(withJobs(r, jobs));
        }
        return out;
    }

    /** {@code r} with the Batch jobs its executions ran. */
    private static PayloadResult withJobs(PayloadResult r, Map<String, List<JobSummary>> jobs) {
        List<JobSummary> ran = new ArrayList<>();
        r.executions().forEach(arn -> ran.addAll(jobs.getOrDefault(arn, List.of())));
        return new PayloadResult(
                r.id(),
                r.state(),
                r.lastError(),
                r.outputs(),
                r.executions(),
                ran,
                r.skippedBecause(),
                r.chainedFrom());
    }

    private Map<String, List<JobSummary>> jobsByExecution() {
        Map<String, List<JobSummary>> byExecution = new HashMap<>();
        if (engine.batch().isEmpty()) {
            return byExecution;
        }
        for (LocalResource queue : engine.model().resources(ResourceKind.JOB_QUEUE)) {
            for (JobStatus status : JobStatus.values()) {
                for (Job job : engine.batch().get().listJobs(queue.name(), status)) {
                    String tag = job.tags().get(TAG);
                    if (tag != null && tag.contains("#")) {
                        byExecution
                                .computeIfAbsent(
                                        tag.substring(0, tag.lastIndexOf('#')),
                                        k -> new ArrayList<>())
                                .add(summary(job));
                    }
                }
            }
        }
        return byExecution;
    }

    private JobSummary summary(Job job) {
        Optional<JobAttempt> last =
                job.attempts().isEmpty()
                        ? Optional.empty()
                        : Optional.of(job.attempts().get(job.attempts().size() - 1));
        return new JobSummary(
                job.jobId(),
                job.jobName(),
                job.jobQueue(),
                job.status().name(),
                Optional.ofNullable(job.statusReason()),
                last.map(JobAttempt::exitCode),
                last.map(JobAttempt::logStreamName)
                        .map(
                                s ->
                                        engine.model()
                                                .stateDirectory()
                                                .resolve("logs/aws/batch/job")
                                                .resolve(s + ".log")
                                                .toString()));
    }

    private RunProgress progress() {
        int done = 0;
        int failed = 0;
        for (Watched w : watched.values()) {
            if (w.result != null) {
                done++;
                if (w.result.state().map(s -> s != WorkflowState.COMPLETED).orElse(false)
                        && w.result.skippedBecause().isEmpty()) {
                    failed++;
                }
            }
        }
        int runningJobs = 0;
        if (engine.batch().isPresent()) {
            for (LocalResource queue : engine.model().resources(ResourceKind.JOB_QUEUE)) {
                runningJobs +=
                        engine.batch().get().listJobs(queue.name(), JobStatus.RUNNING).size();
            }
        }
        return new RunProgress(
                watched.size(),
                done,
                failed,
                engine.executions().counts().getOrDefault(ExecutionStatus.RUNNING, 0L),
                engine.queuedPayloads(),
                runningJobs);
    }
}
