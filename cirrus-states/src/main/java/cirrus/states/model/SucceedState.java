package cirrus.states.model;

/**
 * {@code "Type": "Succeed"}: ends the machine, branch or iteration successfully.
 *
 * @see <a href="https://states-language.net/spec.html#succeed-state">Succeed State</a>
 */
public record SucceedState(String name, DataFlow dataFlow) implements State {}
