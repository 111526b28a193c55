package cirrus.local.batch;

/**
 * How a container ended: its exit code and, when there is one, the container reason (e.g. {@code
 * OutOfMemoryError: Container killed due to memory usage}).
 */
public record ContainerExit(int exitCode, String reason) {}
