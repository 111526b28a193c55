package cirrus.local.batch;

/**
 * Runs the container of a job attempt. Implementations: {@link SubprocessLauncher} (an image maps
 * to a local command prefix; real processes) and {@link InProcessLauncher} (an image maps to a Java
 * {@link ContainerTask} run in this JVM). A launcher must not block until the container ends.
 */
public interface ContainerLauncher {
    /**
     * Starts the container.
     *
     * @throws ContainerStartException when it cannot be started; its message becomes the attempt's
     *     container reason and the attempt fails with "Task failed to start"
     */
    RunningContainer launch(ContainerRequest request) throws ContainerStartException;
}
