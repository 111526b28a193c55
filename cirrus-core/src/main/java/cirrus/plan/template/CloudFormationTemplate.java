package cirrus.plan.template;

import java.util.Map;
import java.util.Optional;

import cirrus.yaml.YamlDocument;

/** Reads the resources of a CloudFormation template. */
final class CloudFormationTemplate {
    private CloudFormationTemplate() {}

    static Template read(YamlDocument doc, Map<String, Object> root) {
        Map<?, ?> resources = (Map<?, ?>) root.get("Resources");
        Optional<String> service = Optional.empty();
        if (root.get("Metadata") instanceof Map<?, ?> meta
                && meta.get("CirrusService") instanceof String s) {
            service = Optional.of(s);
        }
        return new Template(
                doc.source(),
                Template.Format.CLOUDFORMATION,
                service,
                TemplateLoader.resources(doc, resources, resources));
    }
}
