package cirrus.states.model;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown by {@link StateMachineReader#read} when a definition has errors; lists all of them. */
public final class DefinitionException extends Exception {
    private final transient List<DefinitionError> errors;

    public DefinitionException(List<DefinitionError> errors) {
        super(
                errors.size()
                        + " error(s) in the state machine definition:\n"
                        + errors.stream()
                                .map(DefinitionError::toString)
                                .collect(Collectors.joining("\n")));
        this.errors = List.copyOf(errors);
    }

    /** Every error found, in document order. */
    public List<DefinitionError> errors() {
        return errors;
    }
}
