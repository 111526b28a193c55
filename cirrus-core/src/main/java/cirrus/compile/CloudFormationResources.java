package cirrus.compile;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cirrus.project.CloudFormationObject;
import cirrus.project.CloudFormationSection;

/**
 * Puts the project's CloudFormation objects under {@code resources}: one mapping per section that
 * has objects. {@code Resources} and {@code Outputs} keep their place after {@code Description};
 * other sections follow in {@link CloudFormationSection} order. The objects arrive already merged
 * (a later object of a section and name replaced the earlier one in its position) and with the
 * environment injected into job definitions.
 */
final class CloudFormationResources {
    private CloudFormationResources() {}

    /** Fills {@code resources} (the normalised {@code resources} mapping of the config). */
    static void register(Map<String, Object> resources, List<CloudFormationObject> objects) {
        Map<CloudFormationSection, Map<String, Object>> sections = new LinkedHashMap<>();
        for (CloudFormationObject object : objects) {
            sections.computeIfAbsent(object.section(), s -> new LinkedHashMap<>())
                    .put(object.name(), object.definition());
        }
        for (CloudFormationSection section : CloudFormationSection.values()) {
            Map<String, Object> entries = sections.get(section);
            if (entries != null && !entries.isEmpty()) {
                resources.put(section.key(), entries);
            }
        }
    }
}
