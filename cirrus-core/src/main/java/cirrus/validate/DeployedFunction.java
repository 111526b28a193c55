package cirrus.validate;

import java.util.Map;
import java.util.Optional;

import cirrus.project.LambdaComponent;
import cirrus.validate.source.Node;

/**
 * A Lambda function the build deploys ({@code functions.<name>} of the compiled configuration).
 *
 * @param name the function name (the component name)
 * @param component the component that declares it
 * @param compiled its compiled configuration (environment merged)
 * @param definition the component's {@code definition.yml} as written
 */
public record DeployedFunction(
        String name, LambdaComponent component, Map<String, Object> compiled, Node definition) {
    /** The {@code lambda} block as written, if the definition has one. */
    public Optional<Node> lambda() {
        return definition.get("lambda");
    }
}
