package cirrus.states.run;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs one execution to its end in the calling thread: performs the interpreter's commands with a
 * blocking {@link TaskInvoker} (on a pool of {@code parallelism} threads, or inline when it is 0)
 * and with timers on a {@link Clock}, and feeds the outcomes back as events. Used by {@code cirrus
 * states execute} and by tests.
 */
public final class SyncDriver {
    private record Timer(String id, Instant due, long order) {}

    private final Interpreter interpreter;
    private final TaskInvoker invoker;
    private final Clock clock;
    private final int parallelism;

    /**
     * @param parallelism threads running tasks at once; 0 runs each task inline, in order
     */
    public SyncDriver(Interpreter interpreter, TaskInvoker invoker, Clock clock, int parallelism) {
        if (parallelism < 0) {
            throw new IllegalArgumentException("parallelism must be >= 0");
        }
        this.interpreter = interpreter;
        this.invoker = invoker;
        this.clock = clock;
        this.parallelism = parallelism;
    }

    /** Starts the execution and returns once it has ended. */
    public ExecutionResult run(ExecutionInfo execution) throws InterruptedException {
        Session state = new Session();
        try {
            Step step = interpreter.start(execution, clock.now());
            Snapshot snapshot = state.take(step);
            while (!snapshot.status().isTerminal()) {
                Event event = state.next();
                snapshot = state.take(interpreter.apply(snapshot, event, clock.now()));
            }
            return new ExecutionResult(
                    snapshot.status(),
                    snapshot.output(),
                    snapshot.error(),
                    state.history,
                    snapshot);
        } finally {
            state.close();
        }
    }

    /** The bookkeeping of one execution: history, timers, running tasks, pending events. */
    private final class Session {
        final List<HistoryEvent> history = new ArrayList<>();
        final LinkedBlockingQueue<Event> events = new LinkedBlockingQueue<>();
        final PriorityQueue<Timer> timers =
                new PriorityQueue<>(
                        Comparator.comparing(Timer::due).thenComparingLong(Timer::order));
        final Map<String, Timer> timersById = new HashMap<>();
        final Map<String, Future<?>> running = new HashMap<>();
        final ExecutorService pool =
                parallelism == 0
                        ? null
                        : Executors.newFixedThreadPool(parallelism, daemonThreads());
        long timerOrder;

        Snapshot take(Step step) throws InterruptedException {
            history.addAll(step.history());
            for (Command command : step.commands()) {
                perform(command);
            }
            return step.snapshot();
        }

        private void perform(Command command) throws InterruptedException {
            if (command instanceof Command.InvokeTask invoke) {
                TaskRequest request = invoke.request();
                if (pool == null) {
                    events.add(outcome(request));
                } else {
                    running.put(
                            request.token(),
                            pool.submit(
                                    () -> {
                                        try {
                                            events.add(outcome(request));
                                        } catch (InterruptedException e) {
                                            Thread.currentThread().interrupt();
                                        }
                                    }));
                }
            } else if (command instanceof Command.CancelTask cancel) {
                Future<?> future = running.remove(cancel.token());
                if (future != null) {
                    future.cancel(true);
                }
            } else if (command instanceof Command.StartTimer start) {
                Timer timer = new Timer(start.timerId(), start.due(), timerOrder++);
                timers.add(timer);
                timersById.put(timer.id(), timer);
            } else if (command instanceof Command.CancelTimer cancel) {
                Timer timer = timersById.remove(cancel.timerId());
                if (timer != null) {
                    timers.remove(timer);
                }
            }
        }

        private Event outcome(TaskRequest request) throws InterruptedException {
            TaskOutcome outcome;
            try {
                outcome = invoker.invoke(request);
            } catch (InterruptedException e) {
                throw e;
            } catch (RuntimeException e) {
                outcome =
                        TaskOutcome.failed(
                                e.getClass().getSimpleName(), String.valueOf(e.getMessage()));
            }
            if (outcome instanceof TaskOutcome.Succeeded ok) {
                return new Event.TaskSucceeded(request.token(), ok.output());
            }
            TaskOutcome.Failed failed = (TaskOutcome.Failed) outcome;
            return new Event.TaskFailed(request.token(), failed.error(), failed.cause());
        }

        Event next() throws InterruptedException {
            Timer timer = timers.peek();
            if (timer == null && running.isEmpty() && events.isEmpty()) {
                throw new IllegalStateException(
                        "the execution waits, but for no task and no timer");
            }
            Event event =
                    clock.await(events, timer == null ? null : timer.due(), !running.isEmpty());
            if (event == null) {
                timers.poll();
                timersById.remove(timer.id());
                return new Event.TimerFired(timer.id());
            }
            if (event instanceof Event.TaskSucceeded e) {
                running.remove(e.token());
            } else if (event instanceof Event.TaskFailed e) {
                running.remove(e.token());
            }
            return event;
        }

        void close() throws InterruptedException {
            if (pool != null) {
                pool.shutdownNow();
                pool.awaitTermination(10, TimeUnit.SECONDS);
            }
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "states-task-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
