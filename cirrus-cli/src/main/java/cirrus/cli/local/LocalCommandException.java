package cirrus.cli.local;

/** A local command cannot proceed; the message says why and what to do. */
public final class LocalCommandException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public LocalCommandException(String message) {
        super(message);
    }
}
