package cirrus.cli;

/**
 * A user error detected by a command (not a usage error, not a bug), such as a command that needs a
 * project run outside one. Exits {@link ExitCode#ERROR} with its message.
 */
public final class UserException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UserException(String message) {
        super(message);
    }
}
