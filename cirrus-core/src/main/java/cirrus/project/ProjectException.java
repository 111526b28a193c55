package cirrus.project;

/**
 * A user-facing error about a project: its directory, configuration or components. The message is
 * complete and printable as is; {@link #code()} is a stable identifier for documentation and tests.
 * The CLI maps it to exit code 1.
 */
public class ProjectException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String code;

    public ProjectException(String code, String message) {
        super(message);
        this.code = code;
    }

    public ProjectException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    /** The stable error code, e.g. {@code CIRRUS-P001}. */
    public String code() {
        return code;
    }
}
