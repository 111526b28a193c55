package cirrus.project.load;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cirrus.project.Trees;

/**
 * Gives AWS Batch job definitions the environment their Lambda siblings get, as cirrus v0.15.4 does
 * (behaviour reference §4.4): the inherited environment (a task's merged environment, or the
 * provider's for job definitions outside tasks), then {@code AWS_DEFAULT_REGION} and {@code
 * AWS_REGION} set to the stack's region, then the job definition's own {@code Environment} entries.
 * The result replaces {@code Properties.ContainerProperties.Environment} in place, or is appended
 * to {@code ContainerProperties}. Nothing is injected when the inherited environment is empty.
 */
final class JobDefinitionEnvironment {
    static final String JOB_DEFINITION = "AWS::Batch::JobDefinition";

    private JobDefinitionEnvironment() {}

    /**
     * {@code definition} with the environment injected, or unchanged if it is not a job definition.
     */
    @SuppressWarnings("unchecked")
    static Object inject(Object definition, Map<String, Object> inherited) {
        if (!(definition instanceof Map<?, ?> m)
                || !JOB_DEFINITION.equals(m.get("Type"))
                || inherited.isEmpty()) {
            return definition;
        }
        Map<String, Object> resource = Trees.copy((Map<String, Object>) m);
        Map<String, Object> properties = child(resource, "Properties");
        Map<String, Object> container = child(properties, "ContainerProperties");
        Map<String, Object> env = new LinkedHashMap<>(inherited);
        env.put("AWS_DEFAULT_REGION", region());
        env.put("AWS_REGION", region());
        if (container.get("Environment") instanceof List<?> own) {
            for (Object entry : own) {
                if (entry instanceof Map<?, ?> e && e.get("Name") != null) {
                    env.put(String.valueOf(e.get("Name")), e.get("Value"));
                }
            }
        }
        List<Object> list = new ArrayList<>();
        env.forEach(
                (name, value) -> {
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("Name", name);
                    entry.put("Value", value);
                    list.add(entry);
                });
        container.put("Environment", list);
        return resource;
    }

    private static Map<String, Object> region() {
        Map<String, Object> sub = new LinkedHashMap<>();
        sub.put("Fn::Sub", "${AWS::Region}");
        return sub;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> child(Map<String, Object> parent, String key) {
        if (parent.get(key) instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        Map<String, Object> created = new LinkedHashMap<>();
        parent.put(key, created);
        return created;
    }
}
