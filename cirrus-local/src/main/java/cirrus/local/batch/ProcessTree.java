package cirrus.local.batch;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Stops a process and all its descendants the way a container stop does: SIGTERM to every process
 * of the tree (the tree is captured first, so children re-parented when their shell dies are not
 * missed), then SIGKILL to whatever is still alive after the grace period.
 */
final class ProcessTree {
    private ProcessTree() {}

    static void stop(ProcessHandle root, Duration grace) {
        List<ProcessHandle> tree = new ArrayList<>();
        tree.add(root);
        root.descendants().forEach(tree::add);
        tree.forEach(ProcessHandle::destroy);
        CompletableFuture.delayedExecutor(Math.max(1, grace.toMillis()), TimeUnit.MILLISECONDS)
                .execute(
                        () -> {
                            List<ProcessHandle> late = new ArrayList<>(tree);
                            root.descendants().forEach(late::add);
                            late.stream()
                                    .filter(ProcessHandle::isAlive)
                                    .forEach(ProcessHandle::destroyForcibly);
                        });
    }

    /**
     * Kills at once the process {@code pid} and its descendants if it is still the process that
     * started at {@code startedAt} (epoch millis; {@code null} = do not check), e.g. a container
     * left behind by an emulator that crashed. Returns whether a process was killed.
     */
    static boolean killIfSame(long pid, Long startedAt) {
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        if (handle.isEmpty() || !handle.get().isAlive()) {
            return false;
        }
        if (startedAt != null) {
            Optional<Instant> start = handle.get().info().startInstant();
            if (start.isEmpty() || Math.abs(start.get().toEpochMilli() - startedAt) > 1000) {
                return false;
            }
        }
        List<ProcessHandle> tree = new ArrayList<>();
        tree.add(handle.get());
        handle.get().descendants().forEach(tree::add);
        tree.forEach(ProcessHandle::destroyForcibly);
        return true;
    }
}
