package cirrus.cli;

/**
 * A usage error found by a command after parsing (an argument that is well-formed but not
 * acceptable, such as a directory that does not exist). Exits {@link ExitCode#USAGE} with the
 * command's usage line, like a parse error.
 */
public final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
