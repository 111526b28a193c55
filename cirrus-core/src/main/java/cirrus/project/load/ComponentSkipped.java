package cirrus.project.load;

/**
 * A component that cannot be loaded but does not stop the command (cirrus v0.15.4's {@code
 * ComponentError}): it is left out with a warning {@code Skipping <type> '<name>': <message>}.
 */
final class ComponentSkipped extends Exception {
    private static final long serialVersionUID = 1L;

    ComponentSkipped(String message) {
        super(message);
    }
}
