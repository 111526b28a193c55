package cirrus.plan.template;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import cirrus.diag.Location;
import cirrus.yaml.YamlDocument;

/**
 * Reads the resources of a {@code serverless.yml}: {@code resources.Resources} as they are, plus
 * one {@code AWS::StepFunctions::StateMachine} per {@code stepFunctions.stateMachines} entry, under
 * the logical id serverless-step-functions gives it ({@code id}, else the normalised key + {@code
 * StepFunctionsStateMachine}) and with the entry's keys ({@code name}, {@code definition}, …) as
 * properties. {@code ${self:…}} variables are resolved first.
 */
final class ServerlessTemplate {
    static final String STATE_MACHINE = "AWS::StepFunctions::StateMachine";

    private ServerlessTemplate() {}

    @SuppressWarnings("unchecked")
    static Template read(YamlDocument doc, Map<String, Object> root) {
        Map<String, Resource> resources = new LinkedHashMap<>();
        if (root.get("resources") instanceof Map<?, ?> section
                && section.get("Resources") instanceof Map<?, ?> raw) {
            Map<?, ?> resolved = (Map<?, ?>) ServerlessVariables.resolve(raw, root);
            resources.putAll(TemplateLoader.resources(doc, raw, resolved));
        }
        if (root.get("stepFunctions") instanceof Map<?, ?> sf
                && sf.get("stateMachines") instanceof Map<?, ?> machines) {
            for (Map.Entry<?, ?> e : machines.entrySet()) {
                if (!(e.getValue() instanceof Map<?, ?> body)) {
                    continue;
                }
                String key = String.valueOf(e.getKey());
                Map<String, Object> properties =
                        (Map<String, Object>) ServerlessVariables.resolve(body, root);
                String id = logicalId(key, body);
                Location at = doc.locations().key(machines, key).orElse(Location.of(doc.source()));
                resources.put(id, new Resource(id, STATE_MACHINE, properties, Map.of(), at));
            }
        }
        Optional<String> service =
                root.get("service") instanceof String s ? Optional.of(s) : Optional.empty();
        return new Template(doc.source(), Template.Format.SERVERLESS, service, resources);
    }

    /** serverless-step-functions' logical id for state machine {@code key}. */
    static String logicalId(String key, Map<?, ?> body) {
        if (body.get("id") instanceof String id && !id.isEmpty()) {
            return normalise(id);
        }
        return normalise(key) + "StepFunctionsStateMachine";
    }

    /** The Serverless Framework's {@code getNormalizedFunctionName}. */
    static String normalise(String name) {
        String s = name.replace("-", "Dash").replace("_", "Underscore");
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
