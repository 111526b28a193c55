package cirrus.plan.bluegreen;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cirrus.plan.template.Intrinsic;
import cirrus.plan.template.ResourceTypes;

/**
 * The name property of each resource type that a blue/green copy must rename, so that both
 * revisions can exist side by side (a custom-named compute environment or queue cannot be
 * duplicated under the same name).
 */
final class PhysicalNames {
    static final Map<String, String> NAME_PROPERTY =
            Map.of(
                    ResourceTypes.JOB_DEFINITION, "JobDefinitionName",
                    ResourceTypes.COMPUTE_ENVIRONMENT, "ComputeEnvironmentName",
                    ResourceTypes.JOB_QUEUE, "JobQueueName",
                    ResourceTypes.LAUNCH_TEMPLATE, "LaunchTemplateName",
                    ResourceTypes.SCHEDULING_POLICY, "Name",
                    ResourceTypes.IAM_ROLE, "RoleName",
                    ResourceTypes.INSTANCE_PROFILE, "InstanceProfileName");

    private PhysicalNames() {}

    /** A copy of resource body {@code definition} whose name property carries {@code suffix}. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> suffixed(Map<String, Object> definition, String suffix) {
        String property = NAME_PROPERTY.get(String.valueOf(definition.get("Type")));
        if (property == null
                || !(definition.get("Properties") instanceof Map<?, ?> props)
                || !props.containsKey(property)) {
            return definition;
        }
        Map<String, Object> properties = new LinkedHashMap<>((Map<String, Object>) props);
        properties.put(property, suffixed(properties.get(property), suffix));
        Map<String, Object> copy = new LinkedHashMap<>(definition);
        copy.put("Properties", properties);
        return copy;
    }

    private static Object suffixed(Object name, String suffix) {
        if (name instanceof String s) {
            return s + suffix;
        }
        if (Intrinsic.name(name).filter("Fn::Sub"::equals).isPresent()) {
            Object arg = Intrinsic.argument(name);
            if (arg instanceof String s) {
                return Map.of("Fn::Sub", s + suffix);
            }
        }
        return Map.of("Fn::Join", List.of("", List.of(name, suffix)));
    }
}
