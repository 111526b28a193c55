package cirrus.plan.capacity;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * How many jobs of one job definition a queue can run at once.
 *
 * @param jobDefinition the job definition's logical id
 * @param vcpus its VCPU requirement, when the template states it as a number
 * @param maxConcurrent MaxvCpus ÷ vCPUs, rounded down, when both are known
 * @param neededForRequest vCPUs needed for the requested concurrency, when one was asked for
 */
public record JobCapacity(
        String jobDefinition,
        Optional<Double> vcpus,
        OptionalLong maxConcurrent,
        OptionalLong neededForRequest) {}
