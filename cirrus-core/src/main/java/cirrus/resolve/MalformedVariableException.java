package cirrus.resolve;

/** A {@code ${...}} that cannot be parsed; the resolver turns it into a diagnostic. */
final class MalformedVariableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MalformedVariableException(String message) {
        super(message);
    }
}
