package cirrus.plan.rule;

import java.util.Map;
import java.util.Optional;

import cirrus.plan.template.ResourceTypes;

/**
 * The "Update requires" column of the CloudFormation reference for the properties of the types the
 * planner analyses, used for changes no specific rule explains. Keys are property paths; the
 * longest matching prefix wins.
 */
enum UpdateBehaviour {
    NO_INTERRUPTION,
    REPLACEMENT,
    /** Needs new instances; replacement or infrastructure update (see row 9–11). */
    CONDITIONAL;

    private static final Map<String, Map<String, UpdateBehaviour>> TABLE =
            Map.of(
                    ResourceTypes.JOB_DEFINITION,
                    Map.ofEntries(
                            Map.entry("JobDefinitionName", REPLACEMENT),
                            Map.entry("Tags", REPLACEMENT),
                            Map.entry("ConsumableResourceProperties", NO_INTERRUPTION),
                            Map.entry("ContainerProperties", NO_INTERRUPTION),
                            Map.entry("EcsProperties", NO_INTERRUPTION),
                            Map.entry("EksProperties", NO_INTERRUPTION),
                            Map.entry("NodeProperties", NO_INTERRUPTION),
                            Map.entry("Parameters", NO_INTERRUPTION),
                            Map.entry("PlatformCapabilities", NO_INTERRUPTION),
                            Map.entry("PropagateTags", NO_INTERRUPTION),
                            Map.entry("ResourceRetentionPolicy", NO_INTERRUPTION),
                            Map.entry("RetryStrategy", NO_INTERRUPTION),
                            Map.entry("SchedulingPriority", NO_INTERRUPTION),
                            Map.entry("Timeout", NO_INTERRUPTION),
                            Map.entry("Type", NO_INTERRUPTION)),
                    ResourceTypes.COMPUTE_ENVIRONMENT,
                    Map.ofEntries(
                            Map.entry("ComputeEnvironmentName", REPLACEMENT),
                            Map.entry("Type", REPLACEMENT),
                            Map.entry("Tags", REPLACEMENT),
                            Map.entry("EksConfiguration", REPLACEMENT),
                            Map.entry("ComputeResources", CONDITIONAL),
                            Map.entry("ComputeResources.SpotIamFleetRole", REPLACEMENT),
                            Map.entry("ComputeResources.DesiredvCpus", NO_INTERRUPTION),
                            Map.entry("ComputeResources.MaxvCpus", NO_INTERRUPTION),
                            Map.entry("ComputeResources.MinvCpus", NO_INTERRUPTION),
                            Map.entry(
                                    "ComputeResources.UpdateToLatestImageVersion", NO_INTERRUPTION),
                            Map.entry("Context", NO_INTERRUPTION),
                            Map.entry("ReplaceComputeEnvironment", NO_INTERRUPTION),
                            Map.entry("ServiceRole", NO_INTERRUPTION),
                            Map.entry("State", NO_INTERRUPTION),
                            Map.entry("UnmanagedvCpus", NO_INTERRUPTION),
                            Map.entry("UpdatePolicy", NO_INTERRUPTION)),
                    ResourceTypes.JOB_QUEUE,
                    Map.ofEntries(
                            Map.entry("JobQueueName", REPLACEMENT),
                            Map.entry("Tags", REPLACEMENT),
                            Map.entry("JobQueueType", REPLACEMENT),
                            Map.entry("ComputeEnvironmentOrder", NO_INTERRUPTION),
                            Map.entry("ServiceEnvironmentOrder", NO_INTERRUPTION),
                            Map.entry("Priority", NO_INTERRUPTION),
                            Map.entry("State", NO_INTERRUPTION),
                            Map.entry("SchedulingPolicyArn", NO_INTERRUPTION),
                            Map.entry("JobStateTimeLimitActions", NO_INTERRUPTION)),
                    ResourceTypes.LAUNCH_TEMPLATE,
                    Map.of(
                            "LaunchTemplateName", REPLACEMENT,
                            "LaunchTemplateData", NO_INTERRUPTION,
                            "VersionDescription", NO_INTERRUPTION,
                            "TagSpecifications", NO_INTERRUPTION),
                    ResourceTypes.IAM_ROLE,
                    Map.of(
                            "RoleName", REPLACEMENT,
                            "Path", REPLACEMENT,
                            "AssumeRolePolicyDocument", NO_INTERRUPTION,
                            "Description", NO_INTERRUPTION,
                            "ManagedPolicyArns", NO_INTERRUPTION,
                            "MaxSessionDuration", NO_INTERRUPTION,
                            "PermissionsBoundary", NO_INTERRUPTION,
                            "Policies", NO_INTERRUPTION,
                            "Tags", NO_INTERRUPTION),
                    ResourceTypes.INSTANCE_PROFILE,
                    Map.of(
                            "InstanceProfileName", REPLACEMENT,
                            "Path", REPLACEMENT,
                            "Roles", NO_INTERRUPTION),
                    ResourceTypes.SCHEDULING_POLICY,
                    Map.of(
                            "Name", REPLACEMENT,
                            "Tags", REPLACEMENT,
                            "FairsharePolicy", NO_INTERRUPTION));

    /** The behaviour for a change at {@code path} of a resource of {@code type}, if known. */
    static Optional<UpdateBehaviour> of(String type, String path) {
        Map<String, UpdateBehaviour> table = TABLE.get(type);
        if (table == null) {
            return Optional.empty();
        }
        String key = path;
        while (true) {
            UpdateBehaviour b = table.get(key);
            if (b != null) {
                return Optional.of(b);
            }
            int cut = Math.max(key.lastIndexOf('.'), key.lastIndexOf('['));
            if (cut < 0) {
                return Optional.empty();
            }
            key = key.substring(0, cut);
        }
    }
}
