package cirrus.compile.cfn;

import java.util.Map;

/**
 * The project's own CloudFormation objects (the {@code resources} section of the compiled
 * configuration: {@code cloudformation/*.yml}, the builtins, plugins and task batch resources) into
 * the template, as they are.
 */
final class ProjectResources {
    private ProjectResources() {}

    static void addTo(TemplateSections template, Map<String, Object> resources, Findings findings) {
        resources.forEach(
                (section, value) -> {
                    switch (section) {
                        case "Description" -> template.description(value);
                        case "Transform" -> template.transform(value);
                        case "AWSTemplateFormatVersion" -> {}
                        default -> {
                            if (!TemplateSections.ORDER.contains(section)) {
                                findings.invalid(
                                        "resources." + section,
                                        "not a CloudFormation template section");
                            } else if (!(value instanceof Map<?, ?> entries)) {
                                findings.invalid(
                                        "resources." + section, "a template section is a map");
                            } else {
                                entries.forEach(
                                        (id, entry) ->
                                                template.project(
                                                        section, String.valueOf(id), entry));
                            }
                        }
                    }
                });
    }
}
