package cirrus.local.batch;

import java.util.HashMap;
import java.util.Map;

/**
 * The resources held on each compute environment by its STARTING and RUNNING jobs, and the fit
 * checks the scheduler makes against each environment's caps.
 */
final class CapacityLedger {
    private final Map<String, long[]> used = new HashMap<>();

    /** Whether the job's requirements fit what is left on the environment now. */
    boolean fitsNow(ComputeEnvironment environment, ResourceRequirements job) {
        long[] u = used.getOrDefault(environment.name(), new long[3]);
        return fits(environment, job, u[0], u[1], u[2]);
    }

    /** Whether the job could ever fit the environment (when nothing else runs on it). */
    static boolean couldFit(ComputeEnvironment environment, ResourceRequirements job) {
        return fits(environment, job, 0, 0, 0);
    }

    /** Whether only the vCPU cap keeps the job off an empty environment. */
    static boolean vcpusTooMany(ComputeEnvironment environment, ResourceRequirements job) {
        return job.milliVcpus() > environment.milliVcpuCap();
    }

    void reserve(String environment, ResourceRequirements job) {
        long[] u = used.computeIfAbsent(environment, name -> new long[3]);
        u[0] += job.milliVcpus();
        u[1] += job.memoryMiB() == null ? 0 : job.memoryMiB();
        u[2] += job.gpuCount();
    }

    void release(String environment, ResourceRequirements job) {
        long[] u = used.get(environment);
        if (u != null) {
            u[0] -= job.milliVcpus();
            u[1] -= job.memoryMiB() == null ? 0 : job.memoryMiB();
            u[2] -= job.gpuCount();
        }
    }

    /** The vCPUs (in thousandths) held on an environment. */
    long milliVcpusUsed(String environment) {
        return used.getOrDefault(environment, new long[3])[0];
    }

    private static boolean fits(
            ComputeEnvironment environment,
            ResourceRequirements job,
            long cpu,
            long mem,
            long gpu) {
        if (cpu + job.milliVcpus() > environment.milliVcpuCap()) {
            return false;
        }
        if (environment.maxMemoryMiB() != null
                && job.memoryMiB() != null
                && mem + job.memoryMiB() > environment.maxMemoryMiB()) {
            return false;
        }
        return environment.maxGpus() == null || gpu + job.gpuCount() <= environment.maxGpus();
    }
}
