package cirrus.states.model;

/**
 * One problem in a state machine definition.
 *
 * @param code what kind of problem
 * @param path where, e.g. {@code $.States.Fetch.Next}
 * @param message what is wrong and how to fix it
 */
public record DefinitionError(DefinitionCode code, FieldPath path, String message) {
    @Override
    public String toString() {
        return "error[" + code.code() + "] " + path + ": " + message;
    }
}
