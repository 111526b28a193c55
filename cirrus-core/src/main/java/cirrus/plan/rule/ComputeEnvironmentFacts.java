package cirrus.plan.rule;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import cirrus.plan.template.Intrinsic;
import cirrus.plan.template.Resource;

/**
 * The settings of one compute environment that decide how CloudFormation updates it: the {@code
 * ReplaceComputeEnvironment} switch, the allocation strategy, the service role, the resource type
 * and the update policy, with their documented defaults.
 */
record ComputeEnvironmentFacts(Resource resource) {
    /** Strategies that allow infrastructure updates ([UG-INFRA], [CFN-CE]). */
    static final Set<String> UPDATABLE_STRATEGIES =
            Set.of(
                    "BEST_FIT_PROGRESSIVE",
                    "SPOT_CAPACITY_OPTIMIZED",
                    "SPOT_PRICE_CAPACITY_OPTIMIZED");

    static final String SERVICE_LINKED_ROLE = "AWSServiceRoleForBatch";

    /** {@code ReplaceComputeEnvironment}: default {@code true} [CFN-CE]. */
    boolean replacesOnUpdate() {
        return resource.flag("ReplaceComputeEnvironment").orElse(true);
    }

    boolean replaceFlagSet() {
        return resource.at("ReplaceComputeEnvironment").isPresent();
    }

    /** {@code ComputeResources.AllocationStrategy}; {@code BEST_FIT} when absent (the default). */
    String allocationStrategy() {
        return resource.text("ComputeResources.AllocationStrategy").orElse("BEST_FIT");
    }

    boolean strategyAllowsInfrastructureUpdate() {
        return UPDATABLE_STRATEGIES.contains(allocationStrategy().toUpperCase(Locale.ROOT));
    }

    /** {@code ComputeResources.Type}: EC2, SPOT, FARGATE or FARGATE_SPOT; empty when absent. */
    Optional<String> resourceType() {
        return resource.text("ComputeResources.Type").map(s -> s.toUpperCase(Locale.ROOT));
    }

    boolean fargate() {
        return resourceType().map(t -> t.startsWith("FARGATE")).orElse(false);
    }

    /** Whether the service role is the Batch service-linked role (also when unset). */
    boolean serviceLinkedRole() {
        Optional<Object> role = resource.at("ServiceRole");
        if (role.isEmpty()) {
            return true;
        }
        Optional<String> text = Intrinsic.text(role.get());
        return text.isPresent() && text.get().contains(SERVICE_LINKED_ROLE);
    }

    String serviceRoleKind() {
        return serviceLinkedRole()
                ? "the service-linked role " + SERVICE_LINKED_ROLE
                : "a custom service role";
    }

    boolean named() {
        return resource.at("ComputeEnvironmentName").isPresent();
    }

    /** {@code UpdatePolicy.TerminateJobsOnUpdate}: default false [CFN-UP]. */
    boolean terminatesJobsOnUpdate() {
        return resource.flag("UpdatePolicy.TerminateJobsOnUpdate").orElse(false);
    }

    /** {@code UpdatePolicy.JobExecutionTimeoutMinutes}: default 30 [CFN-UP]. */
    long jobExecutionTimeoutMinutes() {
        return resource.number("UpdatePolicy.JobExecutionTimeoutMinutes").orElse(30L);
    }
}
