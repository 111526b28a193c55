package cirrus.states.model;

import cirrus.states.path.Expression;

/**
 * {@code "Type": "Fail"}: ends the machine (or fails the enclosing branch) with an error.
 *
 * @param error the {@code Error} name, or null
 * @param errorPath {@code ErrorPath} (a reference path or intrinsic), or null
 * @param cause the {@code Cause}, or null
 * @param causePath {@code CausePath}, or null
 * @see <a href="https://states-language.net/spec.html#fail-state">Fail State</a>
 */
public record FailState(
        String name, String error, Expression errorPath, String cause, Expression causePath)
        implements State {
    @Override
    public DataFlow dataFlow() {
        return DataFlow.DEFAULT;
    }
}
