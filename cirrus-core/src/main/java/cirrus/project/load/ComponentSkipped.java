package cirrus.project.load;

import cirrus.diag.Location;

/**
 * A component that cannot be loaded but does not stop the command (cirrus v0.15.4's {@code
 * ComponentError}): it is left out with a warning {@code Skipping <type> '<name>': <message>}.
 */
final class ComponentSkipped extends Exception {
    private static final long serialVersionUID = 1L;

    private final String code;
    private final transient Location location;

    ComponentSkipped(String message) {
        this(ProjectLoader.SKIPPED, null, message);
    }

    ComponentSkipped(String code, Location location, String message) {
        super(message);
        this.code = code;
        this.location = location;
    }

    /** The warning code: {@link ProjectLoader#SKIPPED} unless a more specific one applies. */
    String code() {
        return code;
    }

    /** Where the reason is written, if known. */
    Location location() {
        return location;
    }
}
