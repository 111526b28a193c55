package cirrus.local.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.JsonNode;

import cirrus.local.model.LocalStateMachine;
import cirrus.runtime.port.StartResult;
import cirrus.states.run.Command;
import cirrus.states.run.Event;
import cirrus.states.run.ExecutionInfo;
import cirrus.states.run.Interpreter;
import cirrus.states.run.Snapshot;
import cirrus.states.run.Step;

/**
 * Drives workflow executions with the ASL {@link Interpreter}: one engine thread applies incoming
 * events (task outcomes, fired timers, stop requests) to execution snapshots, stores each step
 * (snapshot, new commands, history) in one transaction — a batch of events shares one commit — and
 * only then performs the step's commands: task invocations through the {@link TaskDispatcher},
 * timers on a scheduler whose waits are multiplied by the time scale. After a restart, {@link
 * #recover} performs again every command the stored executions wait for.
 */
final class ExecutionDriver implements AutoCloseable {
    private static final int BATCH = 256;

    private record Posted(String executionArn, Event event) {}

    private final ExecutionStore store;
    private final Workflows workflows;
    private final double timeScale;
    private final Consumer<String> ended;
    private final BlockingQueue<Posted> inbox = new LinkedBlockingQueue<>();
    private final Map<String, Snapshot> running = new ConcurrentHashMap<>();
    private final Map<String, ScheduledFuture<?>> timers = new ConcurrentHashMap<>();
    private final ScheduledExecutorService scheduler =
            Executors.newSingleThreadScheduledExecutor(
                    r -> {
                        Thread t = new Thread(r, "cirrus-timers");
                        t.setDaemon(true);
                        return t;
                    });
    private final Thread thread;
    private volatile TaskDispatcher tasks;
    private volatile boolean closed;
    private volatile RuntimeException failure;

    /**
     * @param timeScale real time per unit of execution time for Wait states, retry intervals and
     *     timeouts (0.001: a 600 s wait takes 0.6 s)
     * @param ended called with the ARN of each execution that ended
     */
    ExecutionDriver(
            ExecutionStore store, Workflows workflows, double timeScale, Consumer<String> ended) {
        this.store = store;
        this.workflows = workflows;
        this.timeScale = timeScale;
        this.ended = ended;
        this.thread = new Thread(this::loop, "cirrus-executions");
        this.thread.setDaemon(true);
    }

    /** Sets the task dispatcher and starts the engine thread. */
    void start(TaskDispatcher dispatcher) {
        this.tasks = dispatcher;
        thread.start();
    }

    /** Posts an event for an execution (from any thread). */
    void post(String executionArn, Event event) {
        inbox.add(new Posted(executionArn, event));
    }

    /**
     * Starts an execution, durably, unless one with that ARN exists.
     *
     * @return the execution ARN and whether it already existed
     */
    StartResult start(
            LocalStateMachine machine,
            String executionArn,
            String name,
            JsonNode input,
            Optional<String> payloadId) {
        checkHealthy();
        Instant now = Instant.now();
        ExecutionInfo info =
                new ExecutionInfo(
                        executionArn,
                        name,
                        machine.arn(),
                        machine.name(),
                        "arn:aws:iam::000000000000:role/" + machine.name() + "-role",
                        input,
                        now,
                        executionArn.hashCode());
        Interpreter interpreter = workflows.interpreter(machine.key());
        Step step = interpreter.start(info, now);
        UnaryOperator<Instant> toReal = due -> realDue(due, now);
        if (!store.insert(machine.key(), payloadId, step, toReal)) {
            return new StartResult(executionArn, true);
        }
        afterCommit(executionArn, step, toReal);
        return new StartResult(executionArn, false);
    }

    /** Performs again the commands of every stored running execution (after a restart). */
    void recover() {
        Instant now = Instant.now();
        for (PendingCommand c : store.pending()) {
            if (c.task().isPresent()) {
                tasks.restart(c.executionArn(), c.task().get(), c.jobId());
            } else {
                schedule(c.executionArn(), c.token(), c.due().orElse(now));
            }
        }
    }

    /** The number of executions with events waiting to be applied. */
    int backlog() {
        return inbox.size();
    }

    private void loop() {
        List<Posted> batch = new ArrayList<>(BATCH);
        while (!closed) {
            try {
                Posted first = inbox.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.clear();
                batch.add(first);
                inbox.drainTo(batch, BATCH - 1);
                applyAll(batch);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                failure = e;
                closed = true;
                System.err.println("cirrus: the execution engine stopped: " + e);
                return;
            }
        }
    }

    private void applyAll(List<Posted> batch) {
        Instant now = Instant.now();
        UnaryOperator<Instant> toReal = due -> realDue(due, now);
        List<ExecutionStore.AppliedStep> applied = new ArrayList<>(batch.size());
        for (Posted p : batch) {
            Snapshot snapshot = running.get(p.executionArn());
            if (snapshot == null) {
                snapshot = store.snapshot(p.executionArn()).orElse(null);
            }
            if (snapshot == null || snapshot.status().isTerminal()) {
                continue;
            }
            Step step = workflows.interpreterOf(snapshot).apply(snapshot, p.event(), now);
            if (step.snapshot() == snapshot
                    && step.commands().isEmpty()
                    && step.history().isEmpty()) {
                continue;
            }
            running.put(p.executionArn(), step.snapshot());
            applied.add(new ExecutionStore.AppliedStep(p.executionArn(), step, p.event()));
        }
        store.apply(applied, toReal);
        for (ExecutionStore.AppliedStep a : applied) {
            afterCommit(a.arn(), a.step(), toReal);
        }
    }

    private Instant realDue(Instant due, Instant now) {
        long virtualMillis = Math.max(0, Duration.between(now, due).toMillis());
        return now.plusMillis(Math.round(virtualMillis * timeScale));
    }

    private void afterCommit(String arn, Step step, UnaryOperator<Instant> toReal) {
        Snapshot s = step.snapshot();
        if (s.status().isTerminal()) {
            running.remove(arn);
        } else {
            running.put(arn, s);
        }
        for (Command c : step.commands()) {
            if (c instanceof Command.InvokeTask t) {
                tasks.start(arn, t.request());
            } else if (c instanceof Command.StartTimer t) {
                schedule(arn, t.timerId(), toReal.apply(t.due()));
            } else if (c instanceof Command.CancelTask t) {
                tasks.cancel(arn, t.token());
            } else if (c instanceof Command.CancelTimer t) {
                ScheduledFuture<?> f = timers.remove(arn + "#" + t.timerId());
                if (f != null) {
                    f.cancel(false);
                }
            }
        }
        if (s.status().isTerminal()) {
            ended.accept(arn);
        }
    }

    private void schedule(String arn, String timerId, Instant realDue) {
        long delay = Math.max(0, Duration.between(Instant.now(), realDue).toMillis());
        String key = arn + "#" + timerId;
        timers.put(
                key,
                scheduler.schedule(
                        () -> {
                            timers.remove(key);
                            post(arn, new Event.TimerFired(timerId));
                        },
                        delay,
                        TimeUnit.MILLISECONDS));
    }

    private void checkHealthy() {
        if (failure != null) {
            throw new IllegalStateException(
                    "the execution engine stopped: " + failure.getMessage(), failure);
        }
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        scheduler.shutdownNow();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
