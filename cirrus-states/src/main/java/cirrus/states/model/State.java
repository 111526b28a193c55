package cirrus.states.model;

/**
 * A state of a state machine: one record per state type, all immutable.
 *
 * @see <a href="https://states-language.net/spec.html#state-types">State Types</a>
 */
public sealed interface State
        permits PassState,
                TaskState,
                ChoiceState,
                WaitState,
                SucceedState,
                FailState,
                ParallelState,
                MapState {

    /** The state's name (its key in {@code States}). */
    String name();

    /** The value of {@code Type}, e.g. {@code Pass}. */
    default String type() {
        return getClass().getSimpleName().replace("State", "");
    }

    /** Input and output processing. */
    DataFlow dataFlow();
}
