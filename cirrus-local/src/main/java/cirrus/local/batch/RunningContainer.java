package cirrus.local.batch;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;

/** A started container: its process (if any), its end, and a way to stop it. */
public interface RunningContainer {
    /** The operating-system process id, empty when the container runs inside the JVM. */
    OptionalLong pid();

    /** The process start time in epoch millis, empty when unknown or not a process. */
    OptionalLong pidStartedAt();

    /** Completes when the container has ended. */
    CompletableFuture<ContainerExit> exit();

    /**
     * Asks the container to stop (SIGTERM to the whole process tree), then forces it after {@code
     * grace} (SIGKILL). Returns at once; {@link #exit()} completes when it is gone.
     */
    void stop(Duration grace);
}
