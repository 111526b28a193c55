package cirrus.local.batch;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs Java {@link ContainerTask}s inside the JVM, on a thread per job attempt: an image maps to a
 * task either exactly or, for images written {@code java:<name>}, by {@code <name>}. Images without
 * a task go to the fallback launcher (typically a {@link SubprocessLauncher}), or fail with {@code
 * CannotPullContainerError} when there is none.
 *
 * <p>Stopping interrupts the task's thread; a task that ignores the interrupt is reported as killed
 * (exit code 137) after the grace period and its thread is abandoned.
 */
public final class InProcessLauncher implements ContainerLauncher {
    /** The image prefix that names an in-process task. */
    public static final String JAVA_PREFIX = "java:";

    private final Map<String, ContainerTask> tasks;
    private final ContainerLauncher fallback;

    /**
     * @param tasks image (or the name after {@code java:}) → task
     * @param fallback the launcher for other images, or {@code null}
     */
    public InProcessLauncher(Map<String, ContainerTask> tasks, ContainerLauncher fallback) {
        this.tasks = new LinkedHashMap<>(tasks);
        this.fallback = fallback;
    }

    @Override
    public RunningContainer launch(ContainerRequest request) throws ContainerStartException {
        ContainerTask task = tasks.get(request.image());
        if (task == null && request.image().startsWith(JAVA_PREFIX)) {
            task = tasks.get(request.image().substring(JAVA_PREFIX.length()));
        }
        if (task == null) {
            if (fallback != null) {
                return fallback.launch(request);
            }
            throw new ContainerStartException(
                    "CannotPullContainerError: no in-process task is registered for image '"
                            + request.image()
                            + "'");
        }
        PrintWriter log;
        try {
            Files.createDirectories(request.logFile().getParent());
            log =
                    new PrintWriter(
                            new OutputStreamWriter(
                                    Files.newOutputStream(
                                            request.logFile(),
                                            StandardOpenOption.CREATE,
                                            StandardOpenOption.APPEND),
                                    StandardCharsets.UTF_8),
                            true);
        } catch (IOException e) {
            throw new ContainerStartException(
                    "CannotStartContainerError: cannot open the log stream: " + e.getMessage());
        }
        return new ThreadContainer(task, new TaskInvocation(request, log));
    }

    private static final class ThreadContainer implements RunningContainer {
        private final CompletableFuture<ContainerExit> exit = new CompletableFuture<>();
        private final Thread thread;

        ThreadContainer(ContainerTask task, TaskInvocation invocation) {
            this.thread =
                    new Thread(
                            () -> exit.complete(run(task, invocation)),
                            "batch-task-" + invocation.request().jobId());
            thread.setDaemon(true);
            thread.start();
        }

        private static ContainerExit run(ContainerTask task, TaskInvocation invocation) {
            try (PrintWriter log = invocation.log()) {
                try {
                    return new ContainerExit(task.run(invocation), null);
                } catch (InterruptedException e) {
                    log.println("Interrupted: the job was stopped");
                    return new ContainerExit(143, null);
                } catch (Exception | Error e) {
                    String message = e.getMessage();
                    log.println(
                            e.getClass().getSimpleName() + (message == null ? "" : ": " + message));
                    return new ContainerExit(1, null);
                }
            }
        }

        @Override
        public OptionalLong pid() {
            return OptionalLong.empty();
        }

        @Override
        public OptionalLong pidStartedAt() {
            return OptionalLong.empty();
        }

        @Override
        public CompletableFuture<ContainerExit> exit() {
            return exit;
        }

        @Override
        public void stop(Duration grace) {
            thread.interrupt();
            CompletableFuture.delayedExecutor(Math.max(1, grace.toMillis()), TimeUnit.MILLISECONDS)
                    .execute(() -> exit.complete(new ContainerExit(137, null)));
        }
    }
}
