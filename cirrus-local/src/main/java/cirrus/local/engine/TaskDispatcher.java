package cirrus.local.engine;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

import cirrus.states.ErrorNames;
import cirrus.states.run.Event;
import cirrus.states.run.TaskRequest;

/**
 * Performs the task invocations executions ask for: Lambda resources on a pool of worker threads
 * (at most {@code concurrency} invocations at once), Batch resources through the emulator. Every
 * outcome is posted back as an {@link Event}; a resource the local engine does not know fails the
 * execution with {@code States.Runtime}, naming the resource.
 */
final class TaskDispatcher implements AutoCloseable {
    private final LambdaTasks lambdas;
    private final BatchTasks batch;
    private final BiConsumer<String, Event> results;
    private final ExecutorService workers;
    private final Map<String, Future<?>> running = new ConcurrentHashMap<>();
    private final AtomicInteger active = new AtomicInteger();

    TaskDispatcher(
            LambdaTasks lambdas,
            BatchTasks batch,
            BiConsumer<String, Event> results,
            int concurrency) {
        this.lambdas = lambdas;
        this.batch = batch;
        this.results = results;
        AtomicInteger n = new AtomicInteger();
        this.workers =
                Executors.newFixedThreadPool(
                        concurrency,
                        r -> {
                            Thread t = new Thread(r, "cirrus-task-" + n.incrementAndGet());
                            t.setDaemon(true);
                            return t;
                        });
    }

    /** Starts a new task. */
    void start(String executionArn, TaskRequest request) {
        start(executionArn, request, Optional.empty(), false);
    }

    /**
     * Starts a task again after a restart; {@code jobId} is the Batch job it had submitted, if
     * recorded.
     */
    void restart(String executionArn, TaskRequest request, Optional<String> jobId) {
        start(executionArn, request, jobId, true);
    }

    private void start(
            String executionArn, TaskRequest request, Optional<String> jobId, boolean recovered) {
        String resource = request.resource();
        if (LambdaTasks.handles(resource)) {
            String key = executionArn + "#" + request.token();
            active.incrementAndGet();
            Future<?> f =
                    workers.submit(
                            () -> {
                                try {
                                    Event outcome = lambdas.run(request);
                                    if (!Thread.currentThread().isInterrupted()) {
                                        results.accept(executionArn, outcome);
                                    }
                                } finally {
                                    running.remove(key);
                                    active.decrementAndGet();
                                }
                            });
            running.put(key, f);
            if (f.isDone()) {
                running.remove(key);
            }
        } else if (BatchTasks.handles(resource)) {
            batch.start(executionArn, request, jobId, recovered);
        } else {
            results.accept(
                    executionArn,
                    new Event.TaskFailed(
                            request.token(),
                            ErrorNames.RUNTIME,
                            "Task resource "
                                    + resource
                                    + " is not supported by the local engine (supported: Lambda"
                                    + " function ARNs, "
                                    + LambdaTasks.INVOKE
                                    + ", "
                                    + BatchTasks.SUBMIT
                                    + "[.sync])"));
        }
    }

    /** Stops a task whose outcome is no longer wanted. */
    void cancel(String executionArn, String token) {
        Future<?> f = running.remove(executionArn + "#" + token);
        if (f != null) {
            f.cancel(true);
        }
        batch.cancel(executionArn, token);
    }

    /** Lambda invocations in progress. */
    int activeInvocations() {
        return active.get();
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
