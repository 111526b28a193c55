package cirrus.validate;

import java.util.Map;
import java.util.Optional;

import cirrus.project.CloudFormationSection;
import cirrus.project.Source;
import cirrus.validate.source.Node;

/**
 * A CloudFormation object the build deploys ({@code resources.<Section>.<name>}).
 *
 * @param section its section
 * @param name its logical id
 * @param compiled the compiled value (job definitions with their environment injected)
 * @param node the object as written in its file
 * @param source built-in, plugin or project
 */
public record DeployedObject(
        CloudFormationSection section, String name, Object compiled, Node node, Source source) {
    /** The resource type ({@code AWS::Batch::JobQueue}), if the object has one. */
    public Optional<String> type() {
        return compiled instanceof Map<?, ?> m && m.get("Type") instanceof String t
                ? Optional.of(t)
                : Optional.empty();
    }

    /** Whether this is a resource of {@code type}. */
    public boolean is(String type) {
        return section == CloudFormationSection.RESOURCES && type().map(type::equals).orElse(false);
    }

    /** The compiled {@code Properties}, or an empty map. */
    public Map<?, ?> properties() {
        return compiled instanceof Map<?, ?> m && m.get("Properties") instanceof Map<?, ?> p
                ? p
                : Map.of();
    }
}
