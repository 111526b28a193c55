package cirrus.local.batch;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The emulator's state machine. Every method runs on the emulator's single scheduling thread
 * ({@code dispatcher}), so the state needs no locks; each change is persisted to the {@link
 * JobStore} before it is acted on or announced. Containers end and timers fire on other threads,
 * which post their events back to the dispatcher. The decisions themselves are pure functions:
 * {@link JobSubmission}, {@link Placement}, {@link AttemptOutcomes}.
 *
 * <p>Scheduling: job queues are visited by priority (highest first, then declaration order); within
 * a queue RUNNABLE jobs are taken in submission order and each is placed per {@link Placement}. The
 * first job that cannot be placed stops its queue (FIFO, no back-filling); if it can never fit, it
 * is reported as blocked, like AWS.
 */
final class JobScheduler {
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
     * retried if the job's retry strategy allows. Jobs of a queue that no longer exists fail.
     */
    void recover() {
        resources.jobDefinitions().values().forEach(registry::register);
        nextSequence = store.lastSequence() + 1;
        long now = now();
        for (Job job : store.unfinished()) {
            boolean killed = killLeftover(job);
            if (!resources.jobQueues().containsKey(job.jobQueue())) {
                save(
                        job.cancelled(
                                "Terminated because job queue "
                                        + job.jobQueue()
                                        + " no longer exists",
                                true,
                                now));
                continue;
            }
            switch (job.status()) {
                case SUBMITTED, PENDING -> {
                    active.put(job.jobId(), job);
                    advance(job.jobId());
                }
                case RUNNABLE -> enqueue(job.withStatusReason(null));
                default -> {
                    Optional<ContainerExit> evidence =
                            job.status() == JobStatus.RUNNING
                                    ? ExitEvidence.read(
                                            settings.logFile(job.current().logStreamName()))
                                    : Optional.empty();
                    ended(
                            evidence.isPresent()
                                    ? AttemptOutcomes.exited(job, evidence.get(), null, now)
                                    : AttemptOutcomes.hostTerminated(
                                            job, settings.hostName(), killed, now));
                }
            }
        }
        requestSchedule();
    }

    private static boolean killLeftover(Job job) {
        RunningAttempt current = job.current();
        return current != null
                && current.pid() != null
                && ProcessTree.killIfSame(current.pid(), current.pidStartedAt());
    }

    /** SubmitJob: persists the SUBMITTED job, then lets it move on. */
    SubmitJobResult submit(SubmitJobRequest request) {
        Job job =
                JobSubmission.create(
                        request, resources, registry, settings.arns(), nextSequence, now());
        nextSequence++;
        save(job);
        dispatcher.execute(() -> advance(job.jobId()));
        return new SubmitJobResult(job.jobArn(), job.jobName(), job.jobId());
    }

    /** SUBMITTED → PENDING → RUNNABLE (there are no dependencies to wait for). */
    private void advance(String jobId) {
        if (stopped) {
            return; // after stop() the store keeps the last state for the next recover()
        }
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

    /** Asks for one scheduling pass; many requests before it runs give one pass. */
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
                Placement placement = Placement.of(job, queue, resources, ledger);
                if (!(placement instanceof Placement.Placed placed)) {
                    if (placement instanceof Placement.Blocked b) {
                        block(job, queue, b);
                    } else {
                        unblock(job);
                    }
                    break;
                }
                waiting.pollFirstEntry();
                blocked.remove(job.jobId());
                ComputeEnvironment environment = placed.environment();
                ledger.reserve(environment.name(), job.container().resources());
                Job next = job.starting(environment.name(), logStreamName(job), now());
                active.put(next.jobId(), next);
                starting.add(next);
            }
        }
        if (!starting.isEmpty()) {
            store.putAll(starting);
            starting.forEach(this::announce);
            List<Job> running = new ArrayList<>();
            for (Job job : starting) {
                Job started = launchSafely(job);
                if (started != null) {
                    running.add(started);
                }
            }
            store.putAll(running);
            running.forEach(this::announce);
        }
    }

    private void block(Job job, JobQueue queue, Placement.Blocked reason) {
        BlockedJob previous = blocked.get(job.jobId());
        if (previous != null && previous.reasonCode().equals(reason.code())) {
            return;
        }
        BlockedJob report =
                new BlockedJob(job.jobId(), queue.name(), reason.code(), reason.text(), now());
        blocked.put(job.jobId(), report);
        Job next = job.withStatusReason(reason.text());
        store.put(next);
        active.put(next.jobId(), next);
        for (JobStateTimeLimitAction action : queue.timeLimitActions()) {
            if (action.reason().equals(reason.code())) {
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
        if (stopped) {
            return; // after stop() the store keeps the last state for the next recover()
        }
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

    private Job launchSafely(Job job) {
        try {
            return launch(job);
        } catch (RuntimeException e) {
            // a bug must not leave the job STARTING forever: fail the attempt instead
            ledger.release(job.current().computeEnvironment(), job.container().resources());
            ended(
                    AttemptOutcomes.failedToStart(
                            job, "CannotStartContainerError: internal error: " + e, now()));
            return null;
        }
    }

    /** Starts the container of a STARTING job; returns the RUNNING job, or null if it failed. */
    private Job launch(Job job) {
        RunningAttempt current = job.current();
        Map<String, String> environment = new LinkedHashMap<>(job.container().environment());
        environment.put("AWS_BATCH_JOB_ID", job.jobId());
        environment.put("AWS_BATCH_JOB_ATTEMPT", Integer.toString(job.attemptNumber()));
        environment.put("AWS_BATCH_JQ_NAME", job.jobQueue());
        environment.put("AWS_BATCH_CE_NAME", current.computeEnvironment());
        Path logFile = settings.logFile(current.logStreamName());
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
        } catch (ContainerStartException e) {
            ledger.release(current.computeEnvironment(), job.container().resources());
            ended(AttemptOutcomes.failedToStart(job, e.getMessage(), now()));
            return null;
        }
        OptionalLong pid = container.pid();
        OptionalLong pidStartedAt = container.pidStartedAt();
        Job running =
                job.running(
                        now(),
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

    private void exited(String jobId, int attempt, ContainerExit exit, Throwable error) {
        if (stopped) {
            return; // after stop() the store keeps the last state for the next recover()
        }
        Job job = active.get(jobId);
        if (job == null || job.status() != JobStatus.RUNNING || job.attemptNumber() != attempt) {
            return;
        }
        containers.remove(jobId);
        ledger.release(job.current().computeEnvironment(), job.container().resources());
        ended(AttemptOutcomes.exited(job, exit, error, now()));
    }

    /** Persists a job whose attempt ended, queues it again if it is retried, and reschedules. */
    private void ended(Job next) {
        save(next);
        if (next.status() == JobStatus.RUNNABLE) {
            enqueue(next);
        }
        requestSchedule();
    }

    private void timedOut(String jobId, int attempt) {
        if (stopped) {
            return; // after stop() the store keeps the last state for the next recover()
        }
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
     * Stops scheduling and stops every running container (as a host shutdown would) and returns
     * them. The jobs stay RUNNING in the store; the next {@link #recover} ends their attempts.
     */
    List<RunningContainer> stop() {
        stopped = true;
        containers.values().forEach(c -> c.stop(settings.scaled(settings.stopGrace())));
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
