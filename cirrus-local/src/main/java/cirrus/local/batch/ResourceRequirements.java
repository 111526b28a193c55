package cirrus.local.batch;

/**
 * The resources a job asks for ({@code ResourceRequirements} VCPU, MEMORY in MiB, GPU; or the
 * deprecated {@code Vcpus}/{@code Memory}). Each is {@code null} when not given.
 */
public record ResourceRequirements(Double vcpus, Long memoryMiB, Integer gpus) {
    /** Nothing requested. */
    public static final ResourceRequirements NONE = new ResourceRequirements(null, null, null);

    public ResourceRequirements {
        if (vcpus != null && !(vcpus > 0)) {
            throw new IllegalArgumentException("VCPU must be greater than 0, got " + vcpus);
        }
        if (memoryMiB != null && memoryMiB < 1) {
            throw new IllegalArgumentException("MEMORY must be at least 1 MiB, got " + memoryMiB);
        }
        if (gpus != null && gpus < 0) {
            throw new IllegalArgumentException("GPU must not be negative, got " + gpus);
        }
    }

    /** These requirements with every value that {@code overrides} sets replacing ours. */
    public ResourceRequirements overriddenBy(ResourceRequirements overrides) {
        if (overrides == null) {
            return this;
        }
        return new ResourceRequirements(
                overrides.vcpus != null ? overrides.vcpus : vcpus,
                overrides.memoryMiB != null ? overrides.memoryMiB : memoryMiB,
                overrides.gpus != null ? overrides.gpus : gpus);
    }

    /** The vCPUs in thousandths, the unit capacity is counted in (0 when not given). */
    public long milliVcpus() {
        return vcpus == null ? 0 : Math.round(vcpus * 1000);
    }

    /** The GPUs, 0 when not given. */
    public int gpuCount() {
        return gpus == null ? 0 : gpus;
    }
}
