package cirrus.local.batch;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The emulator's state machine. Every method runs on the emulator's single scheduling thread
 * ({@code dispatcher}), so the state needs no locks; each change is persisted to the {@link
 * JobStore} before it is acted on or announced. Containers end and timers fire on other threads,
 * which post their events back to the dispatcher.
 *
 * <p>Scheduling: job queues are visited by priority (highest first, then declaration order); within
 * a queue RUNNABLE jobs are taken in submission order and each is placed on the first ENABLED
 * compute environment of the queue (in its order) whose remaining vCPUs (and local memory/GPU caps)
 * fit the job. The first job that does not fit stops its queue (FIFO, no back-filling); if it can
 * never fit, it is reported as blocked, like AWS.
 */
final class JobScheduler {
    static final int MAX_SUBMIT_BYTES = 30 * 1024;
    private static final Pattern JOB_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,127}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JobStore store;
    private final ContainerLauncher launcher;
    private final BatchSettings settings;
    private final Executor dispatcher;
    private final ScheduledExecutorService timers;
    private final List<JobListener> listeners;
    private final Consumer<Job> onTerminal;
    private final JobDefinitionRegistry registry;
    private final CapacityLedger ledger = new CapacityLedger();
    private final Map<String, RunningContainer> containers = new HashMap<>();
    private final Map<String, TreeMap<Long, String>> runnable = new HashMap<>();

    /** Non-terminal jobs by id; read by other threads. */
    final Map<String, Job> active = new ConcurrentHashMap<>();

    /** Blocked jobs by id; read by other threads. */
    final Map<String, BlockedJob> blocked = new ConcurrentHashMap<>();

    private volatile BatchResources resources;
    private long nextSequence;
    private boolean schedulePending;
    private boolean stopped;

    JobScheduler(
            BatchResources resources,
            JobStore store,
            ContainerLauncher launcher,
            BatchSettings settings,
            Executor dispatcher,
            ScheduledExecutorService timers,
            List<JobListener> listeners,
            Consumer<Job> onTerminal) {
        this.resources = resources;
        this.store = store;
        this.launcher = launcher;
        this.settings = settings;
        this.dispatcher = dispatcher;
        this.timers = timers;
        this.listeners = listeners;
        this.onTerminal = onTerminal;
        this.registry = new JobDefinitionRegistry(store, settings.arns());
    }

    BatchResources resources() {
        return resources;
    }

    JobDefinitionRegistry registry() {
        return registry;
    }

    /**
     * Registers the project's job definitions and resumes the stored jobs: SUBMITTED and PENDING
     * jobs move on, RUNNABLE jobs are queued again, and the attempt of each STARTING or RUNNING job
     * ends as if its host had been terminated (its leftover process is killed); that attempt is
     * retried if the job's retry strategy allows.
     */
    void recover() {
        resources.jobDefinitions().values().forEach(registry::register);
        nextSequence = store.lastSequence() + 1;
        long now = now();
        for (Job job : store.unfinished()) {
            if (!resources.jobQueues().containsKey(job.jobQueue())) {
                killLeftover(job);
                save(
                        job.cancelled(
                                "Terminated because job queue "
                                        + job.jobQueue()
                                        + " no longer exists",
                                true,
                                now));
                continue;
            }
            active.put(job.jobId(), job);
            switch (job.status()) {
                case SUBMITTED, PENDING -> advance(job.jobId());
                case RUNNABLE -> enqueue(job.withStatusReason(null));
                default -> hostTerminated(job, now);
            }
        }
        requestSchedule();
    }

    private void hostTerminated(Job job, long now) {
        boolean killed = killLeftover(job);
        RunningAttempt current = job.current();
        String statusReason = "Host EC2 (instance " + settings.hostName() + ") terminated.";
        String reason =
                "The local Batch emulator stopped while this attempt was "
                        + job.status().name()
                        + (killed ? "; its leftover process was killed" : "");
        boolean retry;
        String jobReason = null;
        if (current.stop() != null) {
            retry = false;
            jobReason =
                    current.stop().kind() == RunningAttempt.StopRequest.Kind.TIMEOUT
                            ? Job.TIMED_OUT
                            : current.stop().reason();
        } else {
            retry =
                    job.effectiveRetryStrategy()
                            .retries(job.attemptNumber(), statusReason, reason, null);
        }
        JobAttempt attempt =
                new JobAttempt(
                        null,
                        reason,
                        current.logStreamName(),
                        current.startedAt(),
                        now,
                        statusReason);
        Job next = job.attemptEnded(attempt, retry, jobReason, now);
        save(next);
        if (retry) {
            enqueue(next);
        }
    }

    private static boolean killLeftover(Job job) {
        RunningAttempt current = job.current();
        return current != null
                && current.pid() != null
                && ProcessTree.killIfSame(current.pid(), current.pidStartedAt());
    }

    SubmitJobResult submit(SubmitJobRequest request) {
        if (request.jobName() == null || !JOB_NAME.matcher(request.jobName()).matches()) {
            throw new BatchClientException(
                    "Job name must be 1 to 128 characters, start with a"
                            + " letter or number and contain only letters, numbers, hyphens (-) and"
                            + " underscores (_), got '"
                            + request.jobName()
                            + "'");
        }
        if (request.jobQueue() == null) {
            throw new BatchClientException("jobQueue is required");
        }
        JobQueue queue =
                resources
                        .jobQueue(request.jobQueue())
                        .orElseThrow(
                                () ->
                                        new BatchClientException(
                                                "JobQueue " + request.jobQueue() + " not found."));
        if (queue.state() == ResourceState.DISABLED) {
            throw new BatchClientException(
                    "JobQueue "
                            + queue.name()
                            + " is DISABLED: new jobs can't be added to the queue.");
        }
        JobDefinition definition = registry.resolve(request.jobDefinition());
        JobDefinitionSpec spec = definition.spec();
        checkSize(request);
        Map<String, String> parameters = new LinkedHashMap<>(spec.parameters());
        parameters.putAll(request.parameters());
        ContainerProperties container = request.containerOverrides().applyTo(spec.container());
        container = container.withCommand(substitute(container.command(), parameters));
        ResourceRequirements needs = container.resources();
        if (needs.vcpus() == null) {
            throw new BatchClientException(
                    "Job definition "
                            + definition.arn()
                            + " and the"
                            + " container overrides set no VCPU resource requirement");
        }
        if (needs.memoryMiB() == null) {
            throw new BatchClientException(
                    "Job definition "
                            + definition.arn()
                            + " and the"
                            + " container overrides set no MEMORY resource requirement");
        }
        Integer timeout =
                request.timeoutSeconds() != null ? request.timeoutSeconds() : spec.timeoutSeconds();
        if (timeout != null && timeout < JobDefinitionSpec.MIN_TIMEOUT_SECONDS) {
            throw new BatchClientException(
                    "attemptDurationSeconds must be at least "
                            + JobDefinitionSpec.MIN_TIMEOUT_SECONDS
                            + ", got "
                            + timeout);
        }
        RetryStrategy retry =
                request.retryStrategy() != null ? request.retryStrategy() : spec.retryStrategy();
        Map<String, String> tags = new LinkedHashMap<>(spec.tags());
        tags.putAll(request.tags());
        String jobId = UUID.randomUUID().toString();
        long now = now();
        Job job =
                new Job(
                        jobId,
                        nextSequence++,
                        request.jobName(),
                        settings.arns().job(jobId),
                        queue.name(),
                        settings.arns().jobQueue(queue.name()),
                        definition.arn(),
                        definition.name(),
                        JobStatus.SUBMITTED,
                        null,
                        now,
                        null,
                        null,
                        parameters,
                        container,
                        retry,
                        timeout,
                        tags,
                        List.of(),
                        null,
                        false,
                        false,
                        List.of(new StatusChange(JobStatus.SUBMITTED, now)));
        save(job);
        dispatcher.execute(() -> advance(jobId));
        return new SubmitJobResult(job.jobArn(), job.jobName(), jobId);
    }

    private static void checkSize(SubmitJobRequest request) {
        int size;
        try {
            size = JSON.writeValueAsBytes(request).length;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        if (size > MAX_SUBMIT_BYTES) {
            throw new BatchClientException(
                    "SubmitJob request is "
                            + size
                            + " bytes; AWS Batch"
                            + " accepts at most 30 KiB ("
                            + MAX_SUBMIT_BYTES
                            + " bytes). Pass large data"
                            + " by reference, e.g. upload the payload with pre-batch and pass its url.");
        }
    }

    /** Replaces each command element {@code Ref::name} whose parameter is set by its value. */
    static List<String> substitute(List<String> command, Map<String, String> parameters) {
        List<String> result = new ArrayList<>(command.size());
        for (String element : command) {
            String value =
                    element.startsWith("Ref::")
                            ? parameters.get(element.substring("Ref::".length()))
                            : null;
            result.add(value != null ? value : element);
        }
        return result;
    }

    /** SUBMITTED → PENDING → RUNNABLE (no dependencies to wait for). */
    void advance(String jobId) {
        Job job = active.get(jobId);
        if (job == null
                || (job.status() != JobStatus.SUBMITTED && job.status() != JobStatus.PENDING)) {
            return;
        }
        long now = now();
        Job next = job.status() == JobStatus.SUBMITTED ? job.moved(JobStatus.PENDING, now) : job;
        next = next.moved(JobStatus.RUNNABLE, now);
        save(next);
        enqueue(next);
        requestSchedule();
    }

    private void enqueue(Job job) {
        active.put(job.jobId(), job);
        runnable.computeIfAbsent(job.jobQueue(), q -> new TreeMap<>())
                .put(job.sequence(), job.jobId());
    }

    void requestSchedule() {
        if (!schedulePending && !stopped) {
            schedulePending = true;
            dispatcher.execute(this::schedule);
        }
    }

    private void schedule() {
        schedulePending = false;
        if (stopped) {
            return;
        }
        List<JobQueue> queues = new ArrayList<>(resources.jobQueues().values());
        queues.sort(Comparator.comparingInt(JobQueue::priority).reversed());
        List<Job> starting = new ArrayList<>();
        for (JobQueue queue : queues) {
            TreeMap<Long, String> waiting = runnable.get(queue.name());
            while (waiting != null && !waiting.isEmpty()) {
                Job job = active.get(waiting.firstEntry().getValue());
                ComputeEnvironment placement = place(job, queue);
                if (placement == null) {
                    checkBlocked(job, queue);
                    break;
                }
                waiting.pollFirstEntry();
                blocked.remove(job.jobId());
                ledger.reserve(placement.name(), job.container().resources());
                Job next = job.starting(placement.name(), logStreamName(job), now());
                active.put(next.jobId(), next);
                starting.add(next);
            }
        }
        if (starting.isEmpty()) {
            return;
        }
        store.putAll(starting);
        starting.forEach(this::announce);
        List<Job> running = new ArrayList<>();
        for (Job job : starting) {
            Job started;
            try {
                started = launch(job);
            } catch (RuntimeException e) {
                // a bug must not leave the job STARTING forever: fail the attempt instead
                failedToStart(job, "CannotStartContainerError: internal error: " + e);
                started = null;
            }
            if (started != null) {
                running.add(started);
            }
        }
        store.putAll(running);
        running.forEach(this::announce);
    }

    private ComputeEnvironment place(Job job, JobQueue queue) {
        for (String name : queue.computeEnvironments()) {
            ComputeEnvironment environment = resources.computeEnvironments().get(name);
            if (environment != null
                    && environment.state() == ResourceState.ENABLED
                    && ledger.fitsNow(environment, job.container().resources())) {
                return environment;
            }
        }
        return null;
    }

    private void checkBlocked(Job job, JobQueue queue) {
        ResourceRequirements needs = job.container().resources();
        boolean vcpusOnly = true;
        for (String name : queue.computeEnvironments()) {
            ComputeEnvironment environment = resources.computeEnvironments().get(name);
            if (environment == null) {
                continue;
            }
            if (CapacityLedger.couldFit(environment, needs)) {
                unblock(job);
                return;
            }
            vcpusOnly &= CapacityLedger.vcpusTooMany(environment, needs);
        }
        String code = vcpusOnly ? BlockedJob.MAX_RESOURCE : BlockedJob.RESOURCE_REQUIREMENT;
        BlockedJob previous = blocked.get(job.jobId());
        if (previous != null && previous.reasonCode().equals(code)) {
            return;
        }
        String text =
                vcpusOnly ? BlockedJob.MAX_RESOURCE_TEXT : BlockedJob.RESOURCE_REQUIREMENT_TEXT;
        BlockedJob report = new BlockedJob(job.jobId(), queue.name(), code, text, now());
        blocked.put(job.jobId(), report);
        Job next = job.withStatusReason(text);
        store.put(next);
        active.put(next.jobId(), next);
        for (JobStateTimeLimitAction action : queue.timeLimitActions()) {
            if (action.reason().equals(code)) {
                timers.schedule(
                        () -> dispatcher.execute(() -> timeLimitReached(report, action)),
                        settings.scaled(action.maxTimeSeconds()).toMillis(),
                        TimeUnit.MILLISECONDS);
            }
        }
        for (JobListener listener : listeners) {
            safely(() -> listener.jobBlocked(report));
        }
    }

    private void unblock(Job job) {
        if (blocked.remove(job.jobId()) != null) {
            Job next = job.withStatusReason(null);
            store.put(next);
            active.put(next.jobId(), next);
        }
    }

    private void timeLimitReached(BlockedJob report, JobStateTimeLimitAction action) {
        BlockedJob current = blocked.get(report.jobId());
        Job job = active.get(report.jobId());
        if (current == null
                || current.since() != report.since()
                || job == null
                || job.status() != JobStatus.RUNNABLE) {
            return;
        }
        cancelQueued(job, action.statusReason(), action.action().equals("TERMINATE"));
    }

    private String logStreamName(Job job) {
        int attempt = job.attemptNumber();
        return job.jobDefinitionName()
                + "/default/"
                + job.jobId()
                + (attempt == 1 ? "" : "-" + attempt);
    }

    /** Starts the container of a STARTING job; returns the RUNNING job, or null if it failed. */
    private Job launch(Job job) {
        RunningAttempt current = job.current();
        Map<String, String> environment = new LinkedHashMap<>(job.container().environment());
        environment.put("AWS_BATCH_JOB_ID", job.jobId());
        environment.put("AWS_BATCH_JOB_ATTEMPT", Integer.toString(job.attemptNumber()));
        environment.put("AWS_BATCH_JQ_NAME", job.jobQueue());
        environment.put("AWS_BATCH_CE_NAME", current.computeEnvironment());
        Path logFile = settings.logsDir().resolve(current.logStreamName());
        ContainerRequest request =
                new ContainerRequest(
                        job.jobId(),
                        job.jobName(),
                        job.attemptNumber(),
                        job.container().image(),
                        job.container().command(),
                        environment,
                        job.container().resources(),
                        current.logStreamName(),
                        logFile);
        RunningContainer container;
        try {
            container = launcher.launch(request);
        } catch (ContainerStartException | RuntimeException e) {
            String reason =
                    e instanceof ContainerStartException
                            ? e.getMessage()
                            : "CannotStartContainerError: " + e;
            failedToStart(job, reason);
            return null;
        }
        long now = now();
        OptionalLong pid = container.pid();
        OptionalLong pidStartedAt = container.pidStartedAt();
        Job running =
                job.running(
                        now,
                        pid.isPresent() ? pid.getAsLong() : null,
                        pidStartedAt.isPresent() ? pidStartedAt.getAsLong() : null);
        active.put(running.jobId(), running);
        containers.put(job.jobId(), container);
        int attempt = job.attemptNumber();
        container
                .exit()
                .whenComplete(
                        (exit, error) ->
                                dispatcher.execute(
                                        () -> exited(job.jobId(), attempt, exit, error)));
        if (job.timeoutSeconds() != null) {
            timers.schedule(
                    () -> dispatcher.execute(() -> timedOut(job.jobId(), attempt)),
                    settings.scaled(job.timeoutSeconds()).toMillis(),
                    TimeUnit.MILLISECONDS);
        }
        return running;
    }

    private void failedToStart(Job job, String reason) {
        ledger.release(job.current().computeEnvironment(), job.container().resources());
        long now = now();
        boolean retry =
                job.effectiveRetryStrategy()
                        .retries(job.attemptNumber(), Job.FAILED_TO_START, reason, null);
        JobAttempt attempt =
                new JobAttempt(
                        null,
                        reason,
                        job.current().logStreamName(),
                        null,
                        now,
                        Job.FAILED_TO_START);
        Job next = job.attemptEnded(attempt, retry, null, now);
        save(next);
        if (retry) {
            enqueue(next);
        }
        requestSchedule();
    }

    private void exited(String jobId, int attempt, ContainerExit exit, Throwable error) {
        Job job = active.get(jobId);
        if (job == null || job.status() != JobStatus.RUNNING || job.attemptNumber() != attempt) {
            return;
        }
        containers.remove(jobId);
        RunningAttempt current = job.current();
        ledger.release(current.computeEnvironment(), job.container().resources());
        Integer code = exit == null ? null : exit.exitCode();
        String reason =
                exit != null
                        ? exit.reason()
                        : "InternalError: the local container runner failed: " + error;
        long now = now();
        String statusReason;
        boolean retry = false;
        if (current.stop() != null) {
            statusReason =
                    current.stop().kind() == RunningAttempt.StopRequest.Kind.TIMEOUT
                            ? Job.TIMED_OUT
                            : current.stop().reason();
        } else {
            statusReason = Job.CONTAINER_EXITED;
            retry =
                    (code == null || code != 0)
                            && job.effectiveRetryStrategy()
                                    .retries(attempt, statusReason, reason, code);
        }
        JobAttempt ended =
                new JobAttempt(
                        code,
                        reason,
                        current.logStreamName(),
                        current.startedAt(),
                        now,
                        statusReason);
        Job next = job.attemptEnded(ended, retry, null, now);
        save(next);
        if (retry) {
            enqueue(next);
        }
        requestSchedule();
    }

    private void timedOut(String jobId, int attempt) {
        Job job = active.get(jobId);
        if (job == null
                || job.status() != JobStatus.RUNNING
                || job.attemptNumber() != attempt
                || job.current().stop() != null) {
            return;
        }
        stopRunning(
                job,
                new RunningAttempt.StopRequest(
                        RunningAttempt.StopRequest.Kind.TIMEOUT, Job.TIMED_OUT));
    }

    private void stopRunning(Job job, RunningAttempt.StopRequest request) {
        Job next = job.stopping(request);
        store.put(next);
        active.put(next.jobId(), next);
        RunningContainer container = containers.get(job.jobId());
        if (container != null) {
            container.stop(settings.scaled(settings.stopGrace()));
        }
    }

    /** CancelJob: fails a SUBMITTED, PENDING or RUNNABLE job; later states are left alone. */
    void cancel(String jobId, String reason) {
        Job job = existing(jobId, reason);
        if (job != null && job.status().isCancellable()) {
            cancelQueued(job, reason, false);
        }
    }

    /** TerminateJob: fails a queued job at once, or stops a running job's container. */
    void terminate(String jobId, String reason) {
        Job job = existing(jobId, reason);
        if (job == null) {
            return;
        }
        if (job.status().isCancellable()) {
            cancelQueued(job, reason, true);
        } else if (job.status() == JobStatus.RUNNING && job.current().stop() == null) {
            stopRunning(
                    job,
                    new RunningAttempt.StopRequest(
                            RunningAttempt.StopRequest.Kind.TERMINATE, reason));
        }
    }

    private Job existing(String jobId, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new BatchClientException("reason is required");
        }
        Job job = active.get(jobId);
        if (job == null && store.get(jobId).isEmpty()) {
            throw new BatchClientException("Job " + jobId + " not found.");
        }
        return job;
    }

    private void cancelQueued(Job job, String reason, boolean byTerminate) {
        TreeMap<Long, String> waiting = runnable.get(job.jobQueue());
        if (waiting != null) {
            waiting.remove(job.sequence());
        }
        blocked.remove(job.jobId());
        save(job.cancelled(reason, byTerminate, now()));
        requestSchedule();
    }

    void updateComputeEnvironment(String name, ResourceState state, Integer maxvCpus) {
        ComputeEnvironment environment =
                resources
                        .computeEnvironment(name)
                        .orElseThrow(
                                () ->
                                        new BatchClientException(
                                                "ComputeEnvironment " + name + " not found."));
        if (state != null) {
            environment = environment.withState(state);
        }
        if (maxvCpus != null) {
            environment = environment.withMaxvCpus(maxvCpus);
        }
        resources = resources.with(environment);
        requestSchedule();
    }

    void updateJobQueue(String name, ResourceState state, Integer priority) {
        JobQueue queue =
                resources
                        .jobQueue(name)
                        .orElseThrow(
                                () -> new BatchClientException("JobQueue " + name + " not found."));
        if (state != null) {
            queue = queue.withState(state);
        }
        if (priority != null) {
            queue = queue.withPriority(priority);
        }
        resources = resources.with(queue);
        requestSchedule();
    }

    /**
     * Stops scheduling and stops every running container (as a host shutdown would). The jobs stay
     * RUNNING in the store; the next {@link #recover} ends their attempts.
     */
    void stop() {
        stopped = true;
        containers.values().forEach(c -> c.stop(settings.scaled(settings.stopGrace())));
    }

    /** The containers still running. */
    List<RunningContainer> runningContainers() {
        return List.copyOf(containers.values());
    }

    private void save(Job job) {
        store.put(job);
        if (job.status().isTerminal()) {
            active.remove(job.jobId());
            blocked.remove(job.jobId());
            announce(job);
            onTerminal.accept(job);
        } else {
            active.put(job.jobId(), job);
            announce(job);
        }
    }

    private void announce(Job job) {
        for (JobListener listener : listeners) {
            safely(() -> listener.jobChanged(job));
        }
    }

    private static void safely(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            System.getLogger(JobScheduler.class.getName())
                    .log(System.Logger.Level.WARNING, "a Batch job listener failed", e);
        }
    }

    private long now() {
        return settings.clock().millis();
    }
}
