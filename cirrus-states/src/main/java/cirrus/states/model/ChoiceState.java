package cirrus.states.model;

import java.util.List;

import cirrus.states.choice.ChoiceRule;

/**
 * {@code "Type": "Choice"}: goes to the {@code Next} of the first matching rule, else to {@code
 * Default}, else fails with {@code States.NoChoiceMatched}.
 *
 * @param defaultState the {@code Default} state, or null
 * @see <a href="https://states-language.net/spec.html#choice-state">Choice State</a>
 */
public record ChoiceState(String name, DataFlow dataFlow, List<Choice> choices, String defaultState)
        implements State {
    public ChoiceState {
        choices = List.copyOf(choices);
    }

    /** A top-level Choice Rule and where it leads. */
    public record Choice(ChoiceRule rule, String next) {}
}
