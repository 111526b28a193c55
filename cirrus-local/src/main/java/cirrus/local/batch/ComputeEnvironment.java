package cirrus.local.batch;

import java.util.Objects;

/**
 * A compute environment: where jobs of the queues attached to it run. {@code maxvCpus} is the
 * capacity cap: the vCPUs of all STARTING and RUNNING jobs placed on it never exceed it ({@code
 * null} means no cap, for an unmanaged environment without {@code UnmanagedvCpus}). {@code
 * minvCpus} is kept for display: locally no instance is ever kept warm. {@code maxMemoryMiB} and
 * {@code maxGpus} are local caps (not CloudFormation properties; {@code null} = not enforced) that
 * an engine may set from the host's size.
 */
public record ComputeEnvironment(
        String logicalId,
        String name,
        String type,
        String computeResourceType,
        ResourceState state,
        int minvCpus,
        Integer maxvCpus,
        Long maxMemoryMiB,
        Integer maxGpus) {
    public ComputeEnvironment {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(state, "state");
        if (maxvCpus != null && maxvCpus < minvCpus) {
            throw new IllegalArgumentException(
                    "MinvCpus (" + minvCpus + ") must not exceed MaxvCpus (" + maxvCpus + ")");
        }
    }

    /** Whether this is a Fargate environment (FARGATE or FARGATE_SPOT). */
    public boolean isFargate() {
        return computeResourceType != null && computeResourceType.startsWith("FARGATE");
    }

    /** The vCPU cap in thousandths, {@link Long#MAX_VALUE} without a cap. */
    public long milliVcpuCap() {
        return maxvCpus == null ? Long.MAX_VALUE : maxvCpus * 1000L;
    }

    /** A copy in another state. */
    public ComputeEnvironment withState(ResourceState newState) {
        return new ComputeEnvironment(
                logicalId,
                name,
                type,
                computeResourceType,
                newState,
                minvCpus,
                maxvCpus,
                maxMemoryMiB,
                maxGpus);
    }

    /** A copy with another vCPU cap. */
    public ComputeEnvironment withMaxvCpus(Integer newMaxvCpus) {
        return new ComputeEnvironment(
                logicalId,
                name,
                type,
                computeResourceType,
                state,
                minvCpus,
                newMaxvCpus,
                maxMemoryMiB,
                maxGpus);
    }

    /** A copy with local memory and GPU caps ({@code null} = not enforced). */
    public ComputeEnvironment withLocalLimits(Long memoryMiB, Integer gpus) {
        return new ComputeEnvironment(
                logicalId,
                name,
                type,
                computeResourceType,
                state,
                minvCpus,
                maxvCpus,
                memoryMiB,
                gpus);
    }
}
