package cirrus.validate;

import java.util.Map;
import java.util.Optional;

import cirrus.project.Workflow;
import cirrus.validate.source.Node;

/**
 * A state machine the build deploys ({@code stepFunctions.stateMachines.<name>}).
 *
 * @param name the state machine key (the workflow name)
 * @param workflow the workflow that declares it
 * @param compiled its compiled entry
 * @param node the workflow's {@code definition.yml} as written
 */
public record DeployedStateMachine(
        String name, Workflow workflow, Map<String, Object> compiled, Node node) {
    /** The Amazon States Language definition as written. */
    public Optional<Node> definition() {
        return node.get("definition");
    }
}
