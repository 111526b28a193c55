package cirrus.local.batch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A local AWS Batch: job queues, compute environments with MaxvCpus as the capacity cap, job
 * definitions with revisions, and the job lifecycle SUBMITTED → PENDING → RUNNABLE → STARTING →
 * RUNNING → SUCCEEDED | FAILED with AWS's timestamps, status reasons, attempts, retry strategies
 * and timeouts. Containers run through a {@link ContainerLauncher}; jobs are kept in a {@link
 * JobStore}, and a new emulator on the same store resumes the jobs the previous one left.
 *
 * <p>The methods mirror the Batch API (SubmitJob, DescribeJobs, ListJobs, CancelJob, TerminateJob,
 * UpdateJobQueue, UpdateComputeEnvironment) and are thread-safe. Rejected requests throw {@link
 * BatchClientException}. Closing stops the running containers and leaves their jobs RUNNING in the
 * store, as a host shutdown would; the next emulator ends those attempts.
 *
 * @see <a href="https://docs.aws.amazon.com/batch/latest/APIReference/Welcome.html">AWS Batch
 *     API</a>
 */
public final class BatchEmulator implements AutoCloseable {
    private final BatchSettings settings;
    private final JobStore store;
    private final ExecutorService dispatcher;
    private final ScheduledExecutorService timers;
    private final List<JobListener> listeners = new CopyOnWriteArrayList<>();
    private final Map<String, CompletableFuture<Job>> completions = new ConcurrentHashMap<>();
    private final JobScheduler scheduler;
    private volatile Thread dispatcherThread;
    private volatile boolean closed;

    private BatchEmulator(
            BatchResources resources,
            JobStore store,
            ContainerLauncher launcher,
            BatchSettings settings) {
        this.settings = settings;
        this.store = store;
        this.dispatcher =
                Executors.newSingleThreadExecutor(
                        runnable -> {
                            Thread thread = new Thread(runnable, "batch-scheduler");
                            thread.setDaemon(true);
                            dispatcherThread = thread;
                            return thread;
                        });
        this.timers =
                Executors.newSingleThreadScheduledExecutor(
                        runnable -> {
                            Thread thread = new Thread(runnable, "batch-timers");
                            thread.setDaemon(true);
                            return thread;
                        });
        this.scheduler =
                new JobScheduler(
                        resources,
                        store,
                        launcher,
                        settings,
                        this::post,
                        timers,
                        listeners,
                        this::completed);
    }

    /**
     * Starts an emulator over these resources: registers their job definitions (a changed
     * definition gets a new revision), resumes the unfinished jobs of {@code store} and starts
     * scheduling.
     */
    public static BatchEmulator start(
            BatchResources resources,
            JobStore store,
            ContainerLauncher launcher,
            BatchSettings settings) {
        return start(resources, store, launcher, settings, List.of());
    }

    /**
     * Like {@link #start(BatchResources, JobStore, ContainerLauncher, BatchSettings)}, with
     * listeners that also see the jobs resumed at start.
     */
    public static BatchEmulator start(
            BatchResources resources,
            JobStore store,
            ContainerLauncher launcher,
            BatchSettings settings,
            List<JobListener> listeners) {
        BatchEmulator emulator = new BatchEmulator(resources, store, launcher, settings);
        emulator.listeners.addAll(listeners);
        try {
            emulator.call(
                    () -> {
                        emulator.scheduler.recover();
                        return null;
                    });
        } catch (RuntimeException e) {
            emulator.dispatcher.shutdownNow();
            emulator.timers.shutdownNow();
            throw e;
        }
        return emulator;
    }

    /** SubmitJob: queues a job and returns its id at once (status SUBMITTED). */
    public SubmitJobResult submitJob(SubmitJobRequest request) {
        return call(() -> scheduler.submit(request));
    }

    /** The job with this id, in its current state. */
    public Optional<Job> job(String jobId) {
        Job job = scheduler.active.get(jobId);
        return job != null ? Optional.of(job) : store.get(jobId);
    }

    /** DescribeJobs: the known jobs among these ids, in the order asked. */
    public List<Job> describeJobs(List<String> jobIds) {
        List<Job> jobs = new ArrayList<>();
        for (String id : jobIds) {
            job(id).ifPresent(jobs::add);
        }
        return jobs;
    }

    /** DescribeJobs as the API's JSON: {@code {"jobs": [JobDetail…]}}. */
    public ObjectNode describeJobsJson(List<String> jobIds) {
        return JobJson.describeJobs(describeJobs(jobIds));
    }

    /**
     * ListJobs: the jobs of a queue (name or ARN) in a status, oldest first. Like the API, the
     * status defaults to RUNNING when {@code null}.
     */
    public List<Job> listJobs(String jobQueue, JobStatus status) {
        JobQueue queue =
                resources()
                        .jobQueue(jobQueue)
                        .orElseThrow(
                                () ->
                                        new BatchClientException(
                                                "JobQueue " + jobQueue + " not found."));
        return store.list(
                queue.name(), Set.of(status == null ? JobStatus.RUNNING : status), 10_000);
    }

    /** CancelJob: fails the job if it is still SUBMITTED, PENDING or RUNNABLE. */
    public void cancelJob(String jobId, String reason) {
        call(
                () -> {
                    scheduler.cancel(jobId, reason);
                    return null;
                });
    }

    /**
     * TerminateJob: fails a queued job at once; stops a running job's container (SIGTERM, then
     * SIGKILL after the scaled 30 s grace) and fails it with {@code reason}, without retry.
     */
    public void terminateJob(String jobId, String reason) {
        call(
                () -> {
                    scheduler.terminate(jobId, reason);
                    return null;
                });
    }

    /** UpdateComputeEnvironment: changes its state and/or vCPU cap ({@code null} = unchanged). */
    public void updateComputeEnvironment(String name, ResourceState state, Integer maxvCpus) {
        call(
                () -> {
                    scheduler.updateComputeEnvironment(name, state, maxvCpus);
                    return null;
                });
    }

    /** UpdateJobQueue: changes its state and/or priority ({@code null} = unchanged). */
    public void updateJobQueue(String name, ResourceState state, Integer priority) {
        call(
                () -> {
                    scheduler.updateJobQueue(name, state, priority);
                    return null;
                });
    }

    /** RegisterJobDefinition: a new revision when the spec changed, else the current one. */
    public JobDefinition registerJobDefinition(JobDefinitionSpec spec) {
        return call(() -> scheduler.registry().register(spec));
    }

    /** Every revision of a job definition, lowest first. */
    public List<JobDefinition> jobDefinitions(String name) {
        return call(() -> List.copyOf(scheduler.registry().revisions(name)));
    }

    /** The resources as currently updated. */
    public BatchResources resources() {
        return scheduler.resources();
    }

    /**
     * The RUNNABLE jobs that can never be placed on their queue's compute environments and block
     * it, with the reason (AWS's blocked-queue status reasons).
     */
    public List<BlockedJob> blockedJobs() {
        return List.copyOf(scheduler.blocked.values());
    }

    /** Adds a listener of job changes and blocked jobs. */
    public void addListener(JobListener listener) {
        listeners.add(listener);
    }

    /**
     * Waits until the job is SUCCEEDED or FAILED and returns it.
     *
     * @throws TimeoutException when it is still running after {@code timeout}
     */
    public Job awaitTerminal(String jobId, Duration timeout)
            throws TimeoutException, InterruptedException {
        CompletableFuture<Job> done =
                completions.computeIfAbsent(jobId, id -> new CompletableFuture<>());
        Optional<Job> now = job(jobId);
        if (now.isEmpty()) {
            completions.remove(jobId);
            throw new BatchClientException("Job " + jobId + " not found.");
        }
        if (now.get().status().isTerminal()) {
            done.complete(now.get());
        }
        try {
            return done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * Stops scheduling, stops every running container (SIGTERM, SIGKILL after the scaled grace) and
     * waits for them, at most the grace period plus 5 s. The store stays open (its owner closes
     * it).
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        List<RunningContainer> running = call(scheduler::stop);
        closed = true;
        long deadline =
                System.nanoTime()
                        + settings.scaled(settings.stopGrace()).toNanos()
                        + TimeUnit.SECONDS.toNanos(5);
        for (RunningContainer container : running) {
            try {
                container
                        .exit()
                        .get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (ExecutionException | TimeoutException e) {
                // the container is being killed; nothing more to wait for
            }
        }
        dispatcher.shutdownNow();
        timers.shutdownNow();
    }

    private void completed(Job job) {
        CompletableFuture<Job> done = completions.remove(job.jobId());
        if (done != null) {
            done.complete(job);
        }
    }

    private void post(Runnable task) {
        if (!closed && !dispatcher.isShutdown()) {
            try {
                dispatcher.execute(() -> guarded(task));
            } catch (java.util.concurrent.RejectedExecutionException e) {
                // closing: events after close are dropped, the store keeps the last state
            }
        }
    }

    private static void guarded(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException | Error e) {
            System.getLogger(BatchEmulator.class.getName())
                    .log(
                            System.Logger.Level.ERROR,
                            "the Batch emulator failed to handle an event",
                            e);
        }
    }

    private <T> T call(Callable<T> action) {
        if (closed) {
            throw new IllegalStateException("the Batch emulator is closed");
        }
        if (Thread.currentThread() == dispatcherThread) {
            try {
                return action.call();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        Future<T> result = dispatcher.submit(action);
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while calling the Batch emulator", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
