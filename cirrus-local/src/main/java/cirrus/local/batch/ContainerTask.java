package cirrus.local.batch;

/**
 * A job container implemented in Java and run inside the JVM by {@link InProcessLauncher}: it gets
 * the resolved command, the environment and a log to write to, and returns the exit code. An
 * exception fails the attempt with exit code 1 and the line {@code <ExceptionSimpleName>:
 * <message>} as the last log line (the format post-batch turns into the workflow error). When the
 * job is stopped (timeout, TerminateJob) the running thread is interrupted.
 */
@FunctionalInterface
public interface ContainerTask {
    /** Runs the container to completion and returns its exit code. */
    int run(TaskInvocation invocation) throws Exception;
}
